/* What a roads database (NAME.roads) holds on disk, and where Routino's
 * data files are: shared by the importer (import.c), which writes the
 * database, and the router (routing.c), which reads it. */
#ifndef CM_ROADS_FILES_H
#define CM_ROADS_FILES_H

#include <stddef.h>

#include "convoymap/context.h"
#include "core/private-export.h"

/* NAME.roads/manifest.json: CM_ROADS_FORMAT and CM_ROADS_VERSION
 * (roads-import.h), the sources and the convoymap version. */
#define CM_ROADS_MANIFEST "manifest.json"
/* NAME.roads/routino/: planetsplitter's files, all named with this prefix. */
#define CM_ROADS_ROUTINO_DIR "routino"
#define CM_ROADS_ROUTINO_PREFIX "roads"
/* NAME.roads/roads.gpkg: the roads, for drawing and for snapping beyond
 * Routino's reach. */
#define CM_ROADS_GPKG "roads.gpkg"

/* The path of Routino's data file name (tagging.xml, profiles.xml,
 * translations.xml) where Debian's routino-common package or a source
 * install keeps it (Routino installs no pkg-config file to ask), or NULL
 * when neither has it. The caller frees it with g_free(). */
char *cm_routino_data_file(const char *name);

/* Checks the text of length bytes of path's manifest.json (path names the
 * database in messages): CM_OK when it is of format CM_ROADS_FORMAT and
 * version CM_ROADS_VERSION, else CM_ERR_INPUT on context with one line
 * naming path (and the version it has, when it has another). Also called by
 * the roads layer of the render module. */
CM_PRIVATE cm_status cm_roads_manifest_check(cm_context *context, const char *path, const char *text,
                                  size_t length);

/* Where cm_routino_data_file() looks first, for messages. */
#define CM_ROUTINO_DATA_DIR "/usr/share/routino"

#endif
