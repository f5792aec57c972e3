"""Reports: the annual assessment report and the statistical forms, drafted from the data.

The report is built as a format-neutral content model (`content.py`) by the sections that
read each app's selectors, then rendered to DOCX (the editable master) and PDF in the
format the issuing body uses: Decree 30/2020/NĐ-CP for state documents, Guidance
36-HD/VPTW for Party documents.
"""
