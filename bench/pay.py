"""`make bench` entry for the payroll engine benchmark (the tool is `bienche bench pay`)."""

from bienche.rules.benchmark import main

if __name__ == "__main__":
    main()
