-- admin1 rows from the QGIS copy of Natural Earth 1:10m Admin-1 v4.1.0, with
-- the owning country's ISO 3166-1 alpha-3 code and English short name.
-- iso3 comes from the NE admin-0 ISO_A3 joined on iso_a2; the NE entities
-- without an ISO code (iso_a2 '-1', Kosovo '-99', Tokelau NULL) are mapped
-- explicitly below (documented in geodata/README.md).
SELECT s.name AS name,
       CASE s.adm0_a3
         WHEN 'KOS' THEN 'XKX'   -- Kosovo: user-assigned code used by EU/IMF/WB
         WHEN 'SOL' THEN 'SOM'   -- Somaliland: de jure part of Somalia
         WHEN 'CYN' THEN 'CYP'   -- Northern Cyprus: de jure part of Cyprus
         WHEN 'ESB' THEN 'GBR'   -- Dhekelia Sovereign Base Area (UK)
         WHEN 'WSB' THEN 'GBR'   -- Akrotiri Sovereign Base Area (UK)
         WHEN 'KAB' THEN 'KAZ'   -- Baikonur lease: Kazakh territory
         WHEN 'USG' THEN 'CUB'   -- Guantanamo Bay naval base: Cuban territory
         WHEN 'CLP' THEN 'FRA'   -- Clipperton Island: French
         WHEN 'KAS' THEN 'IND'   -- Siachen Glacier: Indian-administered
         WHEN 'PGA' THEN 'XSP'   -- Spratly Is.: contested, user-assigned code
         WHEN 'IOA' THEN s.gu_a3 -- Cocos (Keeling) Is. CCK, Christmas I. CXR
         ELSE CASE WHEN s.iso_a2 = 'TK' THEN 'TKL'          -- Tokelau
                   WHEN c.ISO_A3 GLOB '[A-Z][A-Z][A-Z]' THEN c.ISO_A3 END
       END AS iso3,
       CASE
         WHEN s.adm0_a3 = 'PGA' THEN 'Spratly Is.'
         WHEN s.gu_a3 = 'CCK' THEN 'Cocos (Keeling) Is.'
         WHEN s.gu_a3 = 'CXR' THEN 'Christmas I.'
         WHEN s.iso_a2 = 'TK' THEN 'Tokelau'
         ELSE NULL               -- filled from the admin-0 NAME of iso3 below
       END AS cname,
       s.geom AS geom
FROM states_provinces s
LEFT JOIN countries c ON c.iso_a2 = s.iso_a2 AND s.iso_a2 <> '-1'
