"""Writes of the pricing app: one transaction each, with an audit row."""
