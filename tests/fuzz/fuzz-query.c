/* Fuzzes the reading of a query's shape (src/geocode/query.c: commas, generic
 * words, crossings named by two posts) and the geocoder's answer to it,
 * qualifiers, --country names and lone typos included. */
#include <string.h>

#include "fuzz.h"
#include "geocode/query.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *query = cm_fuzz_string(data, size);
    if (!g_utf8_validate(query, -1, NULL)) {
        g_free(query);
        return 0;
    }
    cm_query_shape *shape = cm_query_shape_parse(query);
    /* Every part is folded text: valid UTF-8 with no commas. */
    if (!g_utf8_validate(shape->name, -1, NULL) || strchr(shape->name, ','))
        abort();
    for (char **q = shape->qualifiers; *q; q++)
        if (!**q || strchr(*q, ','))
            abort();
    if ((shape->post_a == NULL) != (shape->post_b == NULL))
        abort();
    cm_query_shape_free(shape);
    /* The query's first half as a country filter, the whole as a query. */
    char *country = g_strndup(query, strlen(query) / 2);
    if (!g_utf8_validate(country, -1, NULL))
        country[0] = '\0';
    cm_geocoder *geocoder = cm_fuzz_geocoder();
    cm_candidate_list *list = NULL;
    cm_status status = cm_geocoder_answer(geocoder, query, *country ? country : NULL, 3, &list);
    if (status == CM_OK && (!list || cm_candidate_list_count(list) == 0))
        abort();
    const char *message = cm_context_message(cm_fuzz_context());
    if (status != CM_OK && (!*message || strchr(message, '\n') ||
                            !g_utf8_validate(message, -1, NULL)))
        abort();
    if (status == CM_OK) {
        double confidence = cm_candidate_list_get(list, 0)->confidence;
        if (!(confidence >= 0.0 && confidence <= 1.0))
            abort();
    }
    cm_candidate_list_free(list);
    g_free(cm_geocoder_take_notes(geocoder));
    cm_context_clear_error(cm_fuzz_context());
    g_free(country);
    g_free(query);
    return 0;
}
