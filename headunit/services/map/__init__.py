"""The offline map: OSM import into SQLite, queries (POIs, search, drawing), the road graph."""
