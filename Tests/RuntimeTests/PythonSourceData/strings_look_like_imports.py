"""Module docstring that says
import not_real
from fake import thing
"""
# import commented_out
s1 = "import not_an_import"
s2 = 'from x import y'
s3 = '''triple with ''quotes'' and
import still_not
'''
s4 = r"raw \" with escaped quote; import nope"
s5 = b'bytes import nope'
s6 = "line one \
import continued_inside_string"
s7 = R'''raw triple \''' import nope'''
s8 = u"unicode prefix"; import real_after_strings
s9 = Rb"\x" rB'\y' BR"z" br'w'
s10 = """ends with quote\""""
s11 = ''
s12 = """"""
import real_one  # import fake_in_comment
x = "#"; import real_after_hash_string
