// Replacing or removing a document deletes its sections by docId: without this index that is a
// scan over every section in the database.
CREATE INDEX section_doc IF NOT EXISTS FOR (n:Section) ON (n.docId);
