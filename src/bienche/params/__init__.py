"""Dated legal parameters, one YAML file per parameter, each value citing its legal act.

Read only through ``bienche.rules.params`` (Django-free). Adding a base salary or a table is a
data change here, not a code change.
"""
