/* The offline tile viewer page (viewer-page.h). */
#include "viewer-page.h"

#include <glib.h>

#include "convoymap/tiles.h"
#include "json.h"

/* The %s and %d are filled in by cm_viewer_page_html(). */
static const char page_template[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title>\n"
    "<style>html,body{margin:0;height:100%%;overflow:hidden;font:14px sans-serif}\n"
    "#map{position:absolute;inset:0;background:#ddd;cursor:grab;touch-action:none}\n"
    "#map img{position:absolute;user-select:none;-webkit-user-drag:none}\n"
    "#bar{position:absolute;top:8px;left:8px;background:#fff;padding:4px 8px;"
    "border-radius:4px;box-shadow:0 1px 4px #0006}\n"
    "#bar button{width:28px}\n"
    "#credit{position:absolute;bottom:0;right:0;background:#fffc;padding:2px 6px;font-size:11px}"
    "</style></head><body>\n"
    "<div id=\"map\"></div><div id=\"bar\"><button id=\"in\">+</button> "
    "<button id=\"out\">&minus;</button> <span id=\"where\"></span></div>\n"
    "<div id=\"credit\">%s</div>\n"
    "<script>\n"
    "const T = {minZoom: %d, maxZoom: %d, zoom: %d, size: %d, lon: %s, lat: %s, "
    "bounds: [%s, %s, %s, %s], prefix: %s};\n"
    "const map = document.getElementById('map');\n"
    "let z = T.zoom, cx, cy;\n"
    "function worldXY(lon, lat, zoom) {\n"
    "  const n = T.size * 2 ** zoom, r = lat * Math.PI / 180;\n"
    "  return [(lon + 180) / 360 * n, (1 - Math.asinh(Math.tan(r)) / Math.PI) / 2 * n];\n"
    "}\n"
    "[cx, cy] = worldXY(T.lon, T.lat, z);\n"
    "function draw() {\n"
    "  const w = map.clientWidth, h = map.clientHeight;\n"
    "  /* Only the tiles written: those of the box, as the tiler counts them. */\n"
    "  const [west, north] = worldXY(T.bounds[0], T.bounds[3], z).map(v => v / T.size);\n"
    "  const [east, south] = worldXY(T.bounds[2], T.bounds[1], z).map(v => v / T.size);\n"
    "  const first = [Math.floor(west), Math.floor(north)];\n"
    "  const last = [Math.max(first[0], Math.ceil(east) - 1), Math.max(first[1], Math.ceil(south) - 1)];\n"
    "  const x0 = Math.max(first[0], Math.floor((cx - w / 2) / T.size));\n"
    "  const x1 = Math.min(last[0], Math.floor((cx + w / 2) / T.size));\n"
    "  const y0 = Math.max(first[1], Math.floor((cy - h / 2) / T.size));\n"
    "  const y1 = Math.min(last[1], Math.floor((cy + h / 2) / T.size));\n"
    "  map.replaceChildren();\n"
    "  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {\n"
    "    const img = new Image(T.size, T.size);\n"
    "    img.onerror = () => img.remove();\n"
    "    img.src = T.prefix + z + '/' + x + '/' + y + '.png';\n"
    "    img.style.left = (x * T.size - cx + w / 2) + 'px';\n"
    "    img.style.top = (y * T.size - cy + h / 2) + 'px';\n"
    "    map.appendChild(img);\n"
    "  }\n"
    "  document.getElementById('where').textContent = 'zoom ' + z;\n"
    "}\n"
    "function zoomTo(next) {\n"
    "  next = Math.max(T.minZoom, Math.min(T.maxZoom, next));\n"
    "  cx *= 2 ** (next - z); cy *= 2 ** (next - z); z = next; draw();\n"
    "}\n"
    "let drag = null;\n"
    "map.onpointerdown = e => { drag = [e.clientX, e.clientY]; map.setPointerCapture(e.pointerId); };\n"
    "map.onpointermove = e => { if (!drag) return;\n"
    "  cx -= e.clientX - drag[0]; cy -= e.clientY - drag[1]; drag = [e.clientX, e.clientY]; draw(); };\n"
    "map.onpointerup = () => { drag = null; };\n"
    "map.onwheel = e => { e.preventDefault(); zoomTo(z + (e.deltaY < 0 ? 1 : -1)); };\n"
    "document.getElementById('in').onclick = () => zoomTo(z + 1);\n"
    "document.getElementById('out').onclick = () => zoomTo(z - 1);\n"
    "window.onresize = draw;\n"
    "draw();\n"
    "</script></body></html>\n";

char *cm_viewer_page_html(const cm_viewer_page *page)
{
    char lon[G_ASCII_DTOSTR_BUF_SIZE], lat[G_ASCII_DTOSTR_BUF_SIZE];
    char bounds[4][G_ASCII_DTOSTR_BUF_SIZE];
    const double edges[4] = {page->bounds.west, MAX(page->bounds.south, -CM_TILE_MAX_LAT),
                             page->bounds.east, MIN(page->bounds.north, CM_TILE_MAX_LAT)};
    for (int i = 0; i < 4; i++)
        g_ascii_formatd(bounds[i], sizeof bounds[i], "%.6f", edges[i]);
    g_ascii_formatd(lon, sizeof lon, "%.6f", page->lon);
    g_ascii_formatd(lat, sizeof lat, "%.6f", page->lat);
    char *title = g_markup_escape_text(page->title, -1);
    char *credit = g_markup_escape_text(page->credit, -1);
    GString *prefix = g_string_new(NULL);
    cm_json_append_string(prefix, page->tile_prefix);
    char *html = g_strdup_printf(page_template, title, credit, page->min_zoom, page->max_zoom,
                                 page->zoom, page->tile_size, lon, lat, bounds[0], bounds[1],
                                 bounds[2], bounds[3], prefix->str);
    g_string_free(prefix, TRUE);
    g_free(credit);
    g_free(title);
    return html;
}
