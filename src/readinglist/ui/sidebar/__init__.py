"""sidebar"""
