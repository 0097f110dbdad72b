/* Where Routino's data files are (roads-files.h). */
#include "roads-files.h"

#include <glib.h>

char *cm_routino_data_file(const char *name)
{
    static const char *const dirs[] = {CM_ROUTINO_DATA_DIR, "/usr/local/share/routino"};
    for (size_t i = 0; i < G_N_ELEMENTS(dirs); i++) {
        char *path = g_build_filename(dirs[i], name, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
            return path;
        g_free(path);
    }
    return NULL;
}
