-- A channel's name and description in each language, set by admins: JSON
-- objects keyed by language code ({"zh-hant": "…", "en": "…"}). The `name`
-- column stays the name a language without its own shows. Names are clear
-- metadata, like the slug: they say which team, never what a report says.
ALTER TABLE channels ADD COLUMN names TEXT NOT NULL DEFAULT '{}';
ALTER TABLE channels ADD COLUMN descriptions TEXT NOT NULL DEFAULT '{}';

-- The channels every instance starts with, named in each language (an
-- instance made before this migration had them in English only).
UPDATE channels SET names = '{"zh-hant":"組織犯罪","zh-hans":"组织犯罪","en":"Organised crime"}'
  WHERE slug = 'organised_crime' AND names = '{}';
UPDATE channels SET names = '{"zh-hant":"官員包庇犯罪或貪腐","zh-hans":"官员包庇犯罪或腐败","en":"Officials protecting crime, or corruption"}'
  WHERE slug = 'official_protection' AND names = '{}';
UPDATE channels SET names = '{"zh-hant":"干預案件","zh-hans":"干预案件","en":"Interference in cases"}'
  WHERE slug = 'case_interference' AND names = '{}';
UPDATE channels SET names = '{"zh-hant":"行業亂象","zh-hans":"行业乱象","en":"Abuses in a trade or industry"}'
  WHERE slug = 'sector_disorder' AND names = '{}';
UPDATE channels SET names = '{"zh-hant":"其他","zh-hans":"其他","en":"Other"}'
  WHERE slug = 'other' AND names = '{}';
