/* The GDAL/OGR module seen from the library (ogr-loader.h). */
#include "ogr-loader.h"

#include "module-loader.h"

const cm_ogr_api *cm_ogr_module(cm_context *context)
{
    static const void *api;
    return cm_module_interface(context, &api, "ogr", CM_OGR_MODULE_NAME, CM_OGR_MODULE_ENTRY,
                               "GDAL/OGR module", NULL);
}

void *cm_open_user_vector(cm_context *context, const char *path, const char *what,
                          const char *formats, const cm_ogr_api **api)
{
    if (g_file_test(path, G_FILE_TEST_EXISTS) && !g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        cm_fail(context, CM_ERR_INPUT, "%s '%s' is not a regular file", what, path);
        return NULL;
    }
    *api = cm_ogr_module(context);
    if (!*api)
        return NULL;
    void *dataset = (*api)->open(path);
    if (!dataset && g_file_test(path, G_FILE_TEST_EXISTS))
        cm_fail(context, CM_ERR_INPUT, "%s '%s' is not %s that OGR can read", what, path,
                formats);
    else if (!dataset)
        cm_fail(context, CM_ERR_INPUT, "%s '%s' does not exist", what, path);
    return dataset;
}
