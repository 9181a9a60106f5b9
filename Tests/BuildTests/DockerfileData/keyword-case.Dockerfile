from busybox AS Build
Run echo hi
cOpY a b
WorkDir /x
