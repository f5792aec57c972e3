"""Write services of the Hòa Lạc investment app (one transaction each, audited)."""
