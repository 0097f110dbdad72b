/* Road lines that are not OpenStreetMap (a GeoPackage, a Shapefile, any
 * line source OGR reads) made into OSM XML for the importer (import.c):
 * each line's attributes mapped to the tags of the road model, the lines
 * joined where they share a vertex. See docs/roads.md, "Other sources". */
#ifndef CM_ROADS_LINES_H
#define CM_ROADS_LINES_H

#include <stddef.h>

#include "convoymap/context.h"

/* TRUE when path is named as an OpenStreetMap file planetsplitter reads
 * (.osm.pbf, .pbf, .osm, .o5m, each perhaps .gz, .bz2 or .xz). */
int cm_roads_is_osm_name(const char *path);

/* Which field of a line source gives each tag of the road model. */
typedef struct cm_roads_mapping cm_roads_mapping;

/* Parses a --map value ("class=FIELD,ref=FIELD,..."; NULL or "": the
 * defaults) into *mapping (free with cm_roads_mapping_free()).
 * CM_ERR_INPUT on context naming the bad part otherwise. */
cm_status cm_roads_mapping_parse(cm_context *context, const char *text,
                                 cm_roads_mapping **mapping);

void cm_roads_mapping_free(cm_roads_mapping *mapping);

/* Writes the roads of the line source input to osm_path as OSM XML, with
 * mapping; *n_roads receives the ways written. CM_ERR_INPUT naming input
 * when OGR cannot read it, its coordinates do not convert to WGS84 or it
 * has no line of a road class; CM_ERR_IO when osm_path cannot be written;
 * CM_ERR_LIBRARY without the GDAL module. */
cm_status cm_roads_lines_to_osm(cm_context *context, const char *input,
                                const cm_roads_mapping *mapping, const char *osm_path,
                                unsigned long long *n_roads);

#endif
