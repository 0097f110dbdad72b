-- Name a few lakes of the Jordan/Iraq/Syria area by point-in-polygon with
-- known coordinates; all other lakes keep name NULL.
WITH known(name, lon, lat) AS (VALUES
  ('Lake Tharthar',   43.20, 33.95),
  ('Lake Habbaniyah', 43.48, 33.29),
  ('Lake Razazza',    43.70, 32.72),
  ('Lake Assad',      38.25, 35.98),
  ('Lake Qadisiyah',  42.15, 34.35),
  ('Mosul Dam Lake',  42.75, 36.78),
  ('Dukan Lake',      44.95, 35.90),
  ('Lake Van',        42.90, 38.63),
  ('Lake Urmia',      45.40, 37.70),
  ('Dead Sea',        35.50, 31.50),
  ('Sea of Galilee',  35.59, 32.82),
  ('Caspian Sea',     50.50, 42.00))
SELECT (SELECT k.name FROM known k
         WHERE ST_Contains(l.geom, MakePoint(k.lon, k.lat, 4326))) AS name,
       l.geom AS geom
FROM lakes_raw l
