"""The Plans screen: every account plan in the book, where a manager looks for them."""
