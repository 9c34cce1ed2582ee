"""list"""
