/* The drawing layers of roads.gpkg: shared by the OGR module, which writes
 * them on import, and the roads layer (render/roadlayer.c), which reads
 * them. The layer "roads" holds every class; each tier below holds the
 * roads of the larger classes only, in a layer with its own R-tree, so that
 * a low zoom reads only the roads it shows rather than every road in its
 * frame (a zoom-5 tile over a country would otherwise read them all to
 * keep its motorways). */
#ifndef CM_ROAD_TIERS_H
#define CM_ROAD_TIERS_H

/* The layer of every road. */
#define CM_ROAD_LAYER_ALL "roads"

/* Motorways, trunk and primary roads and their links. */
#define CM_ROAD_LAYER_TRUNK "roads_trunk"
#define CM_ROAD_TRUNK_FILTER                                                                   \
    "class IN ('motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', "               \
    "'primary_link')"

/* Those and secondary and tertiary roads and their links. */
#define CM_ROAD_LAYER_MAIN "roads_main"
#define CM_ROAD_MAIN_FILTER                                                                    \
    "class IN ('motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', "               \
    "'primary_link', 'secondary', 'secondary_link', 'tertiary', 'tertiary_link')"

#endif
