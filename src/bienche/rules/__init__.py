"""The rules engine: dated legal parameters and (later) vectorised formulas. No Django here."""
