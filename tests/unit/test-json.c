/* JSON string escaping (core/json.c), which every JSON output of the
 * library and of its drawing module goes through. */
#include <glib.h>

#include "core/json.h"

static char *escaped(const char *text)
{
    GString *out = g_string_new(NULL);
    cm_json_append_string_or_null(out, text);
    return g_string_free(out, FALSE);
}

static void test_escapes(void)
{
    static const struct {
        const char *text, *json;
    } cases[] = {
        {"", "\"\""},
        {"Basra", "\"Basra\""},
        {"say \"hi\"", "\"say \\\"hi\\\"\""},
        {"C:\\maps", "\"C:\\\\maps\""},
        {"a\nb\tc", "\"a\\nb\\tc\""},
        {"bell\a esc\x1b", "\"bell\\u0007 esc\\u001b\""},
        /* UTF-8 passes through as it is: JSON text is UTF-8. */
        {"البصرة", "\"البصرة\""},
        {"slash / del \x7f", "\"slash / del \x7f\""},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *json = escaped(cases[i].text);
        g_assert_cmpstr(json, ==, cases[i].json);
        g_free(json);
    }
}

static void test_null(void)
{
    char *json = escaped(NULL);
    g_assert_cmpstr(json, ==, "null");
    g_free(json);
}

/* What is written reads back as the same text through a JSON parser's
 * rules: every byte below 0x20 escaped, nothing else changed. */
static void test_every_control_character(void)
{
    for (int c = 1; c < 0x20; c++) {
        char text[2] = {(char)c, 0};
        GString *out = g_string_new(NULL);
        cm_json_append_string(out, text);
        g_assert_cmpint(out->str[0], ==, '"');
        g_assert_cmpint(out->str[1], ==, '\\');
        g_assert_cmpint(out->str[out->len - 1], ==, '"');
        for (size_t i = 0; i < out->len; i++)
            g_assert_cmpint((unsigned char)out->str[i], >=, 0x20);
        g_string_free(out, TRUE);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/json/escapes", test_escapes);
    g_test_add_func("/json/null", test_null);
    g_test_add_func("/json/every-control-character", test_every_control_character);
    return g_test_run();
}
