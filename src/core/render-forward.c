/* The library's side of the drawing API: each function of map.h and tiles.h
 * forwards to the same function of convoymap-render.so (render-api.h), which
 * is loaded by the first call that takes a context. */
#include "internal.h"

#include <string.h>

#include "module-loader.h"
#include "render-api.h"

static gboolean same_version(const void *interface)
{
    return strcmp(((const cm_render_api *)interface)->version, CM_VERSION_STRING) == 0;
}

/* The module's functions, loaded on first use; NULL with CM_ERR_LIBRARY on
 * context when the module cannot be loaded. */
static const cm_render_api *render_module(cm_context *context)
{
    static const void *api;
    return cm_module_interface(context, &api, "render", CM_RENDER_MODULE_NAME, CM_RENDER_MODULE_ENTRY,
                               "drawing module", same_version);
}

#define FORWARD_CONTEXT(type, name, params, args, failed)                                     \
    type name params                                                                          \
    {                                                                                         \
        const cm_render_api *api = render_module(context);                                   \
        return api ? api->name args : failed;                                                 \
    }
/* An object of the module exists, so the module is loaded and this finds it. */
#define FORWARD_OBJECT(type, name, params, args)                                              \
    type name params { return render_module(NULL)->name args; }
#define FORWARD_OBJECT_VOID(name, params, args)                                               \
    void name params { render_module(NULL)->name args; }
/* Only NULL can come before the module is loaded. */
#define FORWARD_FREE(name, params, args)                                                      \
    void name params                                                                          \
    {                                                                                         \
        const cm_render_api *api = render_module(NULL);                                      \
        if (api)                                                                              \
            api->name args;                                                                   \
    }

CM_RENDER_FUNCTIONS(FORWARD_CONTEXT, FORWARD_OBJECT, FORWARD_OBJECT_VOID, FORWARD_FREE)
