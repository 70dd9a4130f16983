# data/: the bundled checklists and the XML Schemas, installed in pkgdatadir.
dist_pkgdata_DATA += \
	data/checklist.xsd \
	data/response.xsd \
	data/uncac-chapter2.xml
