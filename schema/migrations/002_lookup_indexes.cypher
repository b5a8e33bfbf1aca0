// Lookups the read layer filters or sorts on.
CREATE INDEX sentence_doc IF NOT EXISTS FOR (n:Sentence) ON (n.docId, n.ordinal);
CREATE INDEX note_doc IF NOT EXISTS FOR (n:Note) ON (n.docId);
CREATE INDEX measure_doc IF NOT EXISTS FOR (n:Measure) ON (n.docId);
CREATE INDEX entity_type_name IF NOT EXISTS FOR (n:Entity) ON (n.type, n.name);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX place_code IF NOT EXISTS FOR (n:Place) ON (n.code);
CREATE INDEX document_year IF NOT EXISTS FOR (n:Document) ON (n.year);
