# doc/: the man page (see Makefile.am) and the format documents.
dist_doc_DATA += \
	doc/checklist-format.md \
	doc/response-format.md \
	doc/store-format.md
