/* JSON string escaping (RFC 8259, section 7), shared by every JSON writer
 * of the library and its drawing module. */
#include "json.h"

void cm_json_append_string(GString *out, const char *text)
{
    g_string_append_c(out, '"');
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        switch (*p) {
        case '"':
            g_string_append(out, "\\\"");
            break;
        case '\\':
            g_string_append(out, "\\\\");
            break;
        case '\n':
            g_string_append(out, "\\n");
            break;
        case '\t':
            g_string_append(out, "\\t");
            break;
        default:
            if (*p < 0x20)
                g_string_append_printf(out, "\\u%04x", *p);
            else
                g_string_append_c(out, (char)*p);
        }
    }
    g_string_append_c(out, '"');
}

void cm_json_append_string_or_null(GString *out, const char *text)
{
    if (text)
        cm_json_append_string(out, text);
    else
        g_string_append(out, "null");
}
