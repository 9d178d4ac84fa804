"""Plain questions: understand (``understand``) → retrieve and compose (``answer``).

Everything a person types that is not a command comes here through the Router. The package
knows no chat platform; its words (``vocabulary``) and places (``places``) are data.
"""
