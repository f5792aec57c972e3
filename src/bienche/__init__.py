"""bienche: organization, staffing and steering for a Vietnamese city administration."""

__version__ = "0.1.0"
