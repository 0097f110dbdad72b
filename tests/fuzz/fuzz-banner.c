/* Fuzzes the classification banner parser: a recognised banner's canonical
 * form has no lower-case ASCII letter, no doubled or edge space, no space
 * beside a slash, starts with its level and reads as itself. */
#include <string.h>

#include "fuzz.h"
#include "render/furniture.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = cm_fuzz_string(data, size);
    cm_rgba color, ink;
    char *canonical = cm_furniture_banner_parse(text, &color, &ink);
    if (canonical) {
        size_t n = strlen(canonical);
        if (n == 0 || canonical[0] == ' ' || canonical[n - 1] == ' ' ||
            strstr(canonical, "  ") || strstr(canonical, " /") || strstr(canonical, "/ ") ||
            strchr(canonical, '\t'))
            abort();
        for (size_t i = 0; i < n; i++)
            if (g_ascii_islower(canonical[i]))
                abort();
        cm_rgba color2, ink2;
        char *again = cm_furniture_banner_parse(canonical, &color2, &ink2);
        if (!again || strcmp(again, canonical) != 0 || memcmp(&color, &color2, sizeof color))
            abort();
        g_free(again);
    }
    g_free(canonical);
    g_free(text);
    return 0;
}
