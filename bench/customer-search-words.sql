-- Search words for the customer-search benchmark, 50 of each kind an agent types (see README.md).
select number from customer tablesample system (0.05) limit 50;
select substr(number, 1, 9) from customer tablesample system (0.05) limit 50;
select phones[1] from customer tablesample system (0.05) limit 50;
select right(phones[1], 4) from customer tablesample system (0.05) limit 50;
select name from customer tablesample system (0.05) where kind = 'RESIDENTIAL' limit 50;
select left(name, 2) from customer tablesample system (0.05) where kind = 'RESIDENTIAL' limit 50;
-- (an address the pattern does not fit gives no word: an empty `q` is not a search, it lists everyone)
select w from (select substring(address from '区(.*?(路|大道|街))') as w from customer tablesample system (0.05)) a
 where w <> '' limit 50;
select w from (select substring(address from '号(.*?小区)') as w from customer tablesample system (0.05)
                where kind = 'RESIDENTIAL') a where w <> '' limit 50;
