greeting = "héllo wörld"; import after_unicode
café = 1; from os import path as pâth
s = "日本語"; x = importlib.import_module("after_cjk") if False else None
émoji = "🐍"; import after_emoji
