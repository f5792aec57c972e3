"""Shipped pay scenarios (what-ifs), one YAML file each; read by ``bienche.rules.scenarios``."""
