"""Bedside: a care log for people living with ALS and everyone who cares for them."""
