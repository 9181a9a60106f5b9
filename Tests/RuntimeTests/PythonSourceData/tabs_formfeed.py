import os
if os:
	import tab_indented
	if os:
		import tab2
	else:
	        import tabs_then_spaces
class T:
	def m(self):
		import in_tab_method

import after_form_feed
if os:
    import ff_indent
