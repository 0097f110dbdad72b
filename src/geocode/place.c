/* Copying, freeing and naming places. */
#include "place.h"

#include <string.h>

#include <glib.h>

cm_place *cm_place_copy(const cm_place *place)
{
    cm_place *copy = g_new0(cm_place, 1);
    copy->name = g_strdup(place->name);
    copy->kind = g_strdup(place->kind);
    copy->country = g_strdup(place->country);
    copy->source = g_strdup(place->source);
    copy->position = place->position;
    copy->admin1 = g_strdup(place->admin1);
    copy->population = place->population;
    copy->name_ar = g_strdup(place->name_ar);
    copy->admin1_name = g_strdup(place->admin1_name ? place->admin1_name : "");
    return copy;
}

void cm_place_free(cm_place *place)
{
    if (!place)
        return;
    g_free(place->name);
    g_free(place->kind);
    g_free(place->country);
    g_free(place->source);
    g_free(place->admin1);
    g_free(place->name_ar);
    g_free(place->admin1_name);
    g_free(place);
}

char *cm_place_short_name(const cm_place *place)
{
    static const char suffix[] = " border crossing";
    size_t n = strlen(place->name), k = sizeof suffix - 1;
    if (n > k && g_ascii_strcasecmp(place->name + n - k, suffix) == 0)
        return g_strndup(place->name, n - k);
    return g_strdup(place->name);
}
