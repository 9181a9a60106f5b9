import bom_first
x = 1; import bom_second
