/* convoymap-render.so: everything that draws (maps, tiles, PNG), with Cairo
 * and Pango, behind the table of render-api.h. Built as a separate module so
 * that programs that do not draw never load them; it calls the library for
 * the rest (places, routes, projections, the basemap). */
#include "core/internal.h"

#include "core/render-api.h"

#define TABLE_ENTRY(type, name, ...) .name = name,
#define TABLE_ENTRY_VOID(name, ...) .name = name,

static const cm_render_api render_api = {
    .version = CM_VERSION_STRING,
    CM_RENDER_FUNCTIONS(TABLE_ENTRY, TABLE_ENTRY, TABLE_ENTRY_VOID, TABLE_ENTRY_VOID)
};

__attribute__((visibility("default"))) const cm_render_api *cm_render_module_api(void);

const cm_render_api *cm_render_module_api(void)
{
    return &render_api;
}
