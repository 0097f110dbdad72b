# Hand-written rows of the geocoder evaluation set; see make-geocode-eval.py.
# query ; with ; ref ; tolerance_km ; category
ROWS = r"""
# ---------------------------------------------------------------- issue 12: the failures it lists
Iraq ;  ; ne:IRQ ;  ; issue
Syria ;  ; ne:SYR ;  ; issue
Jordan ;  ; ne:JOR ;  ; issue
Turkey ;  ; ne:TUR ;  ; issue
Anbar ;  ; a1:IRQ/Al-Anbar ;  ; issue
Anbar ; Baghdad ; a1:IRQ/Al-Anbar ;  ; issue
Nasariyah ; Basrah ; gn:98854 ; 15 ; issue
Camp Victory ;  ; ap:ORBI ; 10 ; issue ; Camp Victory is part of the Victory Base Complex around BIAP, about 5 km from it: https://en.wikipedia.org/wiki/Camp_Victory
Camp Liberty ;  ; ap:ORBI ; 10 ; issue ; Camp Liberty (Camp Victory North) is part of the Victory Base Complex around BIAP: https://en.wikipedia.org/wiki/Camp_Victory
Camp Doha ;  ; gn:285787 ; 25 ; issue ; Camp Doha lies on a small peninsula on Kuwait Bay west of Kuwait City: https://en.wikipedia.org/wiki/Camp_Doha
Qamishli ;  ; gn:Al Qamishli@SY ;  ; issue
Rota ;  ; gn:Rota@ES ; 10 ; issue
Baghdad, Iraq ;  ; gn:98182 ;  ; issue
Ramadi, Iraq ;  ; gn:98717 ;  ; issue
Anbar province ;  ; a1:IRQ/Al-Anbar ;  ; issue
Bagdhad ;  ; gn:98182 ;  ; issue
Bagram ;  ; ap:OAIX ; 10 ; issue
Al Udeid ;  ; ap:OTBH ;  ; issue
Camp Lemonnier ;  ; ap:HDAM ;  ; issue ; OurAirports keyword Camp Lemonnier
Diego Garcia ;  ; ap:FJDG ; 15 ; issue
Souda Bay ;  ; ap:LGSA ; 10 ; issue
Sigonella ;  ; ap:LICZ ;  ; issue
Bab al-Hawa ;  ; pg:36.230639,36.692639,https://en.wikipedia.org/wiki/Bab_al-Hawa_Border_Crossing ; 5 ; issue
Öncüpınar ;  ; pg:36.634389,37.085750,https://de.wikiup.org/wiki/Bab_al-Salameh (Bab al-Salameh, Turkish side Öncüpınar, Koordinaten 36°38′3.8″N 37°5′8.7″E) ; 5 ; issue
Cilvegözü ;  ; pg:36.230639,36.692639,https://en.wikipedia.org/wiki/Bab_al-Hawa_Border_Crossing (Turkish side Cilvegözü) ; 5 ; issue
Mudawwara ;  ; pg:29.333505,36.025270,https://hmong.in.th/wiki/Mudawwara (Wikipedia: Mudawwara 29.333505 N 36.025270 E) ; 10 ; issue
Tripoli ; Homs ; gn:Tripoli@LB ; 15 ; issue
"""
ROWS += r"""
# ---------------------------------------------------------------- countries (Natural Earth polygons)
Kuwait ;  ; ne:KWT ;  ; country
Saudi Arabia ;  ; ne:SAU ;  ; country
KSA ;  ; ne:SAU ;  ; country
Kingdom of Saudi Arabia ;  ; ne:SAU ;  ; country
United Arab Emirates ;  ; ne:ARE ;  ; country
UAE ;  ; ne:ARE ;  ; country
Qatar ;  ; ne:QAT ;  ; country
Bahrain ;  ; ne:BHR ;  ; country
Kingdom of Bahrain ;  ; ne:BHR ;  ; country
Oman ;  ; ne:OMN ;  ; country
Sultanate of Oman ;  ; ne:OMN ;  ; country
Yemen ;  ; ne:YEM ;  ; country
Iran ;  ; ne:IRN ;  ; country
Islamic Republic of Iran ;  ; ne:IRN ;  ; country
Afghanistan ;  ; ne:AFG ;  ; country
Pakistan ;  ; ne:PAK ;  ; country
Türkiye ;  ; ne:TUR ;  ; country
Turkiye ;  ; ne:TUR ;  ; country
Republic of Turkey ;  ; ne:TUR ;  ; country
Lebanon ;  ; ne:LBN ;  ; country
Israel ;  ; ne:ISR ;  ; country
Egypt ;  ; ne:EGY ;  ; country
Misr ;  ; ne:EGY ;  ; country
Arab Republic of Egypt ;  ; ne:EGY ;  ; country
Syrian Arab Republic ;  ; ne:SYR ;  ; country
Hashemite Kingdom of Jordan ;  ; ne:JOR ;  ; country
Republic of Iraq ;  ; ne:IRQ ;  ; country
Cyprus ;  ; ne:CYP ;  ; country
Greece ;  ; ne:GRC ;  ; country
Italy ;  ; ne:ITA ;  ; country
Spain ;  ; ne:ESP ;  ; country
Germany ;  ; ne:DEU ;  ; country
Deutschland ;  ; ne:DEU ;  ; country
Poland ;  ; ne:POL ;  ; country
Romania ;  ; ne:ROU ;  ; country
Bulgaria ;  ; ne:BGR ;  ; country
Ukraine ;  ; ne:UKR ;  ; country
Armenia ;  ; ne:ARM ;  ; country
Azerbaijan ;  ; ne:AZE ;  ; country
Kazakhstan ;  ; ne:KAZ ;  ; country
Uzbekistan ;  ; ne:UZB ;  ; country
Tajikistan ;  ; ne:TJK ;  ; country
Turkmenistan ;  ; ne:TKM ;  ; country
Kyrgyzstan ;  ; ne:KGZ ;  ; country
Djibouti ;  ; ne:DJI ;  ; country
Somalia ;  ; ne:SOM ;  ; country
Ethiopia ;  ; ne:ETH ;  ; country
Kenya ;  ; ne:KEN ;  ; country
Sudan ;  ; ne:SDN ;  ; country
South Sudan ;  ; ne:SSD ;  ; country
Eritrea ;  ; ne:ERI ;  ; country
Libya ;  ; ne:LBY ;  ; country
Tunisia ;  ; ne:TUN ;  ; country
Algeria ;  ; ne:DZA ;  ; country
Morocco ;  ; ne:MAR ;  ; country
Niger ;  ; ne:NER ;  ; country
Mali ;  ; ne:MLI ;  ; country
Chad ;  ; ne:TCD ;  ; country
Nigeria ;  ; ne:NGA ;  ; country
Japan ;  ; ne:JPN ;  ; country
South Korea ;  ; ne:KOR ;  ; country
Republic of Korea ;  ; ne:KOR ;  ; country
Philippines ;  ; ne:PHL ;  ; country
Australia ;  ; ne:AUS ;  ; country
Thailand ;  ; ne:THA ;  ; country
Vietnam ;  ; ne:VNM ;  ; country
India ;  ; ne:IND ;  ; country
United Kingdom ;  ; ne:GBR ;  ; country
France ;  ; ne:FRA ;  ; country
Belgium ;  ; ne:BEL ;  ; country
Estonia ;  ; ne:EST ;  ; country
Lithuania ;  ; ne:LTU ;  ; country
Portugal ;  ; ne:PRT ;  ; country
Kosovo ;  ; ne:XKX ;  ; country
# ---------------------------------------------------------------- first-level divisions (Natural Earth admin1)
Al Anbar ;  ; a1:IRQ/Al-Anbar ;  ; admin1
Al Anbar Governorate ;  ; a1:IRQ/Al-Anbar ;  ; admin1
Anbar Governorate ;  ; a1:IRQ/Al-Anbar ;  ; admin1
Basra Governorate ;  ; a1:IRQ/Al-Basrah ;  ; admin1
Dhi Qar ;  ; a1:IRQ/Dhi-Qar ;  ; admin1
Dhi Qar Governorate ;  ; a1:IRQ/Dhi-Qar ;  ; admin1
Maysan ;  ; a1:IRQ/Maysan ;  ; admin1
Maysan Governorate ;  ; a1:IRQ/Maysan ;  ; admin1
Wasit ;  ; a1:IRQ/Wasit ;  ; admin1
Wasit province ;  ; a1:IRQ/Wasit ;  ; admin1
Diyala province ;  ; a1:IRQ/Diyala ;  ; admin1
Diyala Governorate ;  ; a1:IRQ/Diyala ;  ; admin1
Salah ad Din ;  ; a1:IRQ/Sala ad-Din ;  ; admin1
Salahuddin province ;  ; a1:IRQ/Sala ad-Din ;  ; admin1
Saladin Governorate ;  ; a1:IRQ/Sala ad-Din ;  ; admin1
Ninawa ;  ; a1:IRQ/Ninawa ;  ; admin1
Nineveh province ;  ; a1:IRQ/Ninawa ;  ; admin1
Nineveh Governorate ;  ; a1:IRQ/Ninawa ;  ; admin1
Muthanna ;  ; a1:IRQ/Al-Muthannia ;  ; admin1
Al Muthanna Governorate ;  ; a1:IRQ/Al-Muthannia ;  ; admin1
Al-Qadisiyyah Governorate ;  ; a1:IRQ/Al-Qādisiyyah ;  ; admin1
Babil Governorate ;  ; a1:IRQ/Babil ;  ; admin1
Karbala Governorate ;  ; a1:IRQ/Karbala' ;  ; admin1
Najaf Governorate ;  ; a1:IRQ/An-Najaf ;  ; admin1
Duhok Governorate ;  ; a1:IRQ/Dihok ;  ; admin1
Erbil Governorate ;  ; a1:IRQ/Arbil ;  ; admin1
Sulaymaniyah Governorate ;  ; a1:IRQ/As-Sulaymaniyah ;  ; admin1
Kirkuk Governorate ;  ; a1:IRQ/At-Ta'mim ;  ; admin1
Idlib Governorate ;  ; a1:SYR/Idlib ;  ; admin1
Raqqa Governorate ;  ; a1:SYR/Ar Raqqah ;  ; admin1
Deir ez-Zor Governorate ;  ; a1:SYR/Dayr Az Zawr ;  ; admin1
Al-Hasakah Governorate ;  ; a1:SYR/Hasaka (Al Haksa) ;  ; admin1
Daraa Governorate ;  ; a1:SYR/Dar`a ;  ; admin1
Homs Governorate ;  ; a1:SYR/Homs (Hims) ;  ; admin1
Rif Dimashq ;  ; a1:SYR/Rif Dimashq ;  ; admin1
Rif Dimashq Governorate ;  ; a1:SYR/Rif Dimashq ;  ; admin1
Latakia Governorate ;  ; a1:SYR/Lattakia ;  ; admin1
As-Suwayda Governorate ;  ; a1:SYR/As Suwayda' ;  ; admin1
Mafraq Governorate ;  ; a1:JOR/Mafraq ;  ; admin1
Ma'an Governorate ;  ; a1:JOR/Ma`an ;  ; admin1
Karak Governorate ;  ; a1:JOR/Karak ;  ; admin1
Zarqa Governorate ;  ; a1:JOR/Zarqa ;  ; admin1
Northern Borders Province ;  ; a1:SAU/Al Hudud ash Shamaliyah ;  ; admin1
Eastern Province, Saudi Arabia ;  ; a1:SAU/Ash Sharqiyah ;  ; qualified
Al Jahra Governorate ;  ; a1:KWT/Al Jahrah ;  ; admin1
Hatay Province ;  ; a1:TUR/Hatay ;  ; admin1
Sanliurfa Province ;  ; a1:TUR/Sanliurfa ;  ; admin1
Şırnak Province ;  ; a1:TUR/Sirnak ;  ; admin1
Kilis Province ;  ; a1:TUR/Kilis ;  ; admin1
Helmand ;  ; a1:AFG/Hilmand ;  ; admin1
Helmand Province ;  ; a1:AFG/Hilmand ;  ; admin1
Kandahar Province ;  ; a1:AFG/Kandahar ;  ; admin1
Nangarhar ;  ; a1:AFG/Nangarhar ;  ; admin1
Paktika ;  ; a1:AFG/Paktika ;  ; admin1
Khuzestan ;  ; a1:IRN/Khuzestan ;  ; admin1
Sistan and Baluchestan ;  ; a1:IRN/Sistan and Baluchestan ;  ; admin1
Beqaa Governorate ;  ; a1:LBN/Beqaa ;  ; admin1
Mount Lebanon ;  ; a1:LBN/Mount Lebanon ;  ; admin1
North Sinai ;  ; a1:EGY/Shamal Sina' ;  ; admin1
South Sinai ;  ; a1:EGY/Janub Sina' ;  ; admin1
# ---------------------------------------------------------------- water (GSHHG lakes, WDBII rivers)
Lake Tharthar ;  ; lake:Lake Tharthar ;  ; water
Tharthar Lake ;  ; lake:Lake Tharthar ;  ; water
Lake Habbaniyah ;  ; lake:Lake Habbaniyah ;  ; water
Lake Razazza ;  ; lake:Lake Razazza ;  ; water
Dead Sea ;  ; lake:Dead Sea ;  ; water
Lake Van ;  ; lake:Lake Van ;  ; water
Lake Urmia ;  ; lake:Lake Urmia ;  ; water
Sea of Galilee ;  ; lake:Sea of Galilee ;  ; water
Euphrates ;  ; river:Euphrates ;  ; water
Tigris ;  ; river:Tigris ;  ; water
Shatt al-Arab ;  ; river:Shatt al-Arab ;  ; water
"""
ROWS += r"""
# ---------------------------------------------------------------- Iraq: cities and towns (GeoNames)
Baghdad ;  ; gn:98182 ;  ; 
Mosul ;  ; gn:99072 ;  ; 
Erbil ;  ; gn:95446 ;  ; 
Basra ;  ; gn:99532 ;  ; 
Basrah ;  ; gn:99532 ;  ; variant
Karbala ;  ; gn:94824 ;  ; 
Kirkuk ;  ; gn:94787 ;  ; 
Nasiriyah ;  ; gn:98854 ;  ; 
Najaf ;  ; gn:98860 ;  ; 
Duhok ;  ; gn:96994 ;  ; 
Ramadi ;  ; gn:98717 ;  ; 
Samarra ;  ; gn:91597 ;  ; 
Baqubah ;  ; gn:97990 ;  ; 
Kufa ;  ; gn:99135 ;  ; 
Zakho ;  ; gn:89570 ;  ; 
Chamchamal ;  ; gn:97417 ;  ; 
Halabja ;  ; gn:96205 ;  ; 
Koya ;  ; gn:94220 ;  ; 
Tikrit ;  ; gn:90150 ;  ; 
Balad ;  ; gn:98112 ;  ; 
Sinjar ;  ; gn:448149 ;  ; 
Baiji ;  ; gn:97783 ;  ; 
Hit ;  ; gn:95788 ;  ; 
Haditha ;  ; gn:96309 ;  ; 
Kifri ;  ; gn:94298 ;  ; 
Mandali ;  ; gn:93709 ;  ; 
Anah ;  ; gn:6765385 ;  ; 
Tel Keppe ;  ; gn:90353 ;  ; 
Akre ;  ; gn:98822 ;  ; 
Rawanduz ;  ; gn:92002 ;  ; 
Afak ;  ; gn:99738 ;  ; 
Rawa ;  ; gn:92004 ;  ; 
Diwaniyah ;  ; gn:99762 ;  ; 
Dujail ;  ; gn:99759 ;  ; 
Amadiya ;  ; gn:99611 ;  ; 
Amarah ;  ; gn:99608 ;  ; 
Aziziyah ;  ; gn:99548 ;  ; 
Fallujah ;  ; gn:99454 ;  ; 
Al Faw ;  ; gn:99446 ;  ; 
Hillah ;  ; gn:99347 ;  ; 
Hindiya ;  ; gn:99344 ;  ; 
Ali al-Gharbi ;  ; gn:99306 ;  ; 
Kut ;  ; gn:99131 ;  ; 
Mahmudiyah ;  ; gn:99100 ;  ; 
Muqdadiyah ;  ; gn:99062 ;  ; 
Musayyib ;  ; gn:99039 ;  ; 
Qayyarah ;  ; gn:99003 ;  ; 
Qurna ;  ; gn:98993 ;  ; 
Numaniyah ;  ; gn:98846 ;  ; 
Rumaythah ;  ; gn:98685 ;  ; 
Rutbah ;  ; gn:98677 ;  ; 
Shamiya ;  ; gn:98629 ;  ; 
Shatra ;  ; gn:98622 ;  ; 
Samawah ;  ; gn:98530 ;  ; 
Sulaymaniyah ;  ; gn:98463 ;  ; 
Suwaira ;  ; gn:98459 ;  ; 
Tarmiyah ;  ; gn:98403 ;  ; 
Ankawa ;  ; gn:98304 ;  ; 
Shekhan ;  ; gn:98293 ;  ; 
Zubair ;  ; gn:98245 ;  ; 
Badrah ;  ; gn:98198 ;  ; 
Balad Ruz ;  ; gn:98109 ;  ; 
Chibayish ;  ; gn:97478 ;  ; 
Dibis ;  ; gn:97001 ;  ; 
Dukan ;  ; gn:96953 ;  ; 
Haqlaniyah ;  ; gn:95886 ;  ; 
Khanaqin ;  ; gn:94591 ;  ; 
Makhmur ;  ; gn:93818 ;  ; 
Qal'at Salih ;  ; gn:92537 ;  ; 
Al Qaim ;  ; gn:92138 ;  ; 
Ranya ;  ; gn:92052 ;  ; 
Shaqlawa ;  ; gn:91083 ;  ; 
Sharqat ;  ; gn:91057 ;  ; 
Ain al-Tamur ;  ; gn:90831 ;  ; 
Tal Afar ;  ; gn:90393 ;  ; 
Daquq ;  ; gn:90220 ;  ; 
Tuz Khurmatu ;  ; gn:90026 ;  ; 
Umm Qasr ;  ; gn:89824 ;  ; 
Hawija ;  ; gn:390188 ;  ; 
Darbandikhan ;  ; gn:384945 ;  ; 
Abu Ghraib ;  ; gn:100077 ;  ; 
Abu al-Khaseeb ;  ; gn:100050 ;  ; 
Soran ;  ; gn:96961 ;  ; 
Khalis ;  ; gn:99169 ;  ; 
Al-Hamdaniya ;  ; gn:92430 ;  ; 
Suq al-Shuyukh ;  ; gn:90510 ;  ; 
Ad Dawr ;  ; gn:99768 ;  ; 
Al Baaj ;  ; gn:99524 ;  ; 
Hayy ;  ; gn:99350 ;  ; 
Mishkhab ;  ; gn:99060 ;  ; 
Salman ;  ; gn:98533 ;  ; 
Qaladiza ;  ; gn:92615 ;  ; 
Choman ;  ; gn:447741 ;  ; 
Mergasur ;  ; gn:93455 ;  ; 
Ibrahim Khalil ;  ; pg:37.1447222,42.56556,https://nzt.eth.link/wiki/Ibrahim_Khalil_border.html (Wikipedia Ibrahim Khalil border: 37°08′41″N 42°33′56″E) ; 5 ; crossing
Ibrahim Khalil border crossing ;  ; pg:37.1447222,42.56556,https://nzt.eth.link/wiki/Ibrahim_Khalil_border.html (Wikipedia Ibrahim Khalil border: 37°08′41″N 42°33′56″E) ; 5 ; crossing
Habur border gate ;  ; pg:37.1447222,42.56556,https://nzt.eth.link/wiki/Ibrahim_Khalil_border.html (Wikipedia: also called the Habur Border Gate) ; 5 ; crossing
Bab al-Salameh ;  ; pg:36.634389,37.085750,https://de.wikiup.org/wiki/Bab_al-Salameh (Koordinaten 36°38′3.8″N 37°5′8.7″E) ; 5 ; crossing
Bab al-Hawa border crossing ;  ; pg:36.230639,36.692639,https://en.wikipedia.org/wiki/Bab_al-Hawa_Border_Crossing ; 5 ; crossing
Oncupinar ;  ; pg:36.634389,37.085750,https://de.wikiup.org/wiki/Bab_al-Salameh (Turkish side Öncüpınar) ; 5 ; crossing
Cilvegozu border gate ;  ; pg:36.230639,36.692639,https://en.wikipedia.org/wiki/Bab_al-Hawa_Border_Crossing (Turkish side Cilvegözü) ; 5 ; crossing
# ---------------------------------------------------------------- Syria
Damascus ;  ; gn:Damascus@SY ;  ; 
Aleppo ;  ; gn:Aleppo@SY ;  ; 
Homs ;  ; gn:Homs@SY ;  ; 
Hama ;  ; gn:170017 ;  ; 
Latakia ;  ; gn:Latakia@SY ;  ; 
Tartus ;  ; gn:Tartus@SY ;  ; 
Idlib ;  ; gn:Idlib@SY ;  ; 
Raqqa ;  ; gn:Ar Raqqah@SY ;  ; 
Deir ez-Zor ;  ; gn:Deir ez-Zor@SY ;  ; 
Al-Hasakah ;  ; gn:Al Hasakah@SY ;  ; 
Al Qamishli ;  ; gn:Al Qamishli@SY ;  ; 
Abu Kamal ;  ; gn:174448 ;  ; 
Mayadin ;  ; gn:Al Mayadin@SY ;  ; 
Palmyra ;  ; gn:163808 ;  ; 
Tadmur ;  ; gn:163808 ;  ; variant
Daraa ;  ; gn:170905 ;  ; 
As-Suwayda ;  ; gn:172408 ;  ; 
Quneitra ;  ; gn:Al Qunaytirah@SY ;  ; 
Manbij ;  ; gn:Manbij@SY ;  ; 
Kobani ;  ; gn:172256 ;  ; 
Jarabulus ;  ; gn:Jarabulus@SY ;  ; 
Azaz ;  ; gn:172082 ;  ; 
Al-Bab ;  ; gn:Al Bab@SY ;  ; 
Afrin ;  ; gn:`Afrin@SY ;  ; 
Tal Abyad ;  ; gn:Tall Abyad@SY ;  ; 
Ras al-Ayn ;  ; gn:Ra's al `Ayn@SY ;  ; 
Amuda ;  ; gn:173230 ;  ; 
Al-Malikiyah ;  ; gn:Al Malikiyah@SY ;  ; 
Shaddadi ;  ; gn:Ash Shaddadah@SY ;  ; 
Tabqa ;  ; gn:Ath Thawrah@SY ;  ; 
Maarat al-Numan ;  ; gn:Ma`arrat an Nu`man@SY ;  ; 
Saraqib ;  ; gn:Saraqib@SY ;  ; 
Jisr al-Shughur ;  ; gn:Jisr ash Shughur@SY ;  ; 
Khan Shaykhun ;  ; gn:Khan Shaykhun@SY ;  ; 
Salamiyah ;  ; gn:164947 ;  ; 
Al-Qusayr ;  ; gn:Al Qusayr@SY ;  ; 
Nabk ;  ; gn:An Nabk@SY ;  ; 
Yabroud ;  ; gn:Yabrud@SY ;  ; 
Douma ;  ; gn:Duma@SY ;  ; 
Zabadani ;  ; gn:Az Zabadani@SY ;  ; 
Sanamayn ;  ; gn:As Sanamayn@SY ;  ; 
Bosra ;  ; gn:Busra ash Sham@SY ;  ; 
Nawa ;  ; gn:Nawa@SY ;  ; 
Jableh ;  ; gn:Jablah@SY ;  ; 
Baniyas ;  ; gn:Baniyas@SY ;  ; 
Safita ;  ; gn:Safita@SY ;  ; 
Masyaf ;  ; gn:Masyaf@SY ;  ; 
Sukhnah ;  ; gn:As Sukhnah@SY ;  ; 
Hajin ;  ; gn:Hajin@SY ;  ; 
Tell Tamer ;  ; gn:Tall Tamr@SY ;  ; 
# ---------------------------------------------------------------- Jordan
Amman ;  ; gn:Amman@JO ;  ; 
Zarqa ;  ; gn:Zarqa@JO ;  ; 
Irbid ;  ; gn:Irbid@JO ;  ; 
Mafraq ;  ; gn:Mafraq@JO ;  ; 
Ramtha ;  ; gn:Ar Ramtha@JO ;  ; 
Jerash ;  ; gn:Jarash@JO ;  ; 
Ajloun ;  ; gn:250799 ;  ; 
As-Salt ;  ; gn:As Salt@JO ;  ; 
Madaba ;  ; gn:Madaba@JO ;  ; 
Karak ;  ; gn:6946409 ;  ; 
Tafilah ;  ; gn:At Tafilah@JO ;  ; 
Ma'an ;  ; gn:Ma'an@JO ;  ; 
Aqaba ;  ; gn:Aqaba@JO ;  ; 
Azraq ;  ; gn:Al Azraq ash Shamali@JO ;  ; 
Ruwaished ;  ; gn:Ar Ruwayshid@JO ;  ; 
Al Jafr ;  ; gn:Al Jafr@JO ;  ; 
Qatraneh ;  ; gn:Al Qatranah@JO ;  ; 
Wadi Musa ;  ; gn:Wadi Musa@JO ;  ; 
Shobak ;  ; gn:Ash Shawbak@JO ;  ; 
Dhiban ;  ; gn:Dhiban@JO ;  ; 
Deir Alla ;  ; gn:Dayr `Alla@JO ;  ; 
Russeifa ;  ; gn:Russeifa@JO ;  ; 
Sahab ;  ; gn:Sahab@JO ;  ; 
Umm al-Jimal ;  ; gn:Umm al Jimal@JO ;  ; 
"""
ROWS += r"""
# ---------------------------------------------------------------- Gulf states
Kuwait City ;  ; gn:285787 ; 20 ; 
Jahra ;  ; gn:285799 ;  ; 
Ahmadi ;  ; gn:285839 ; 15 ; 
Fahaheel ;  ; gn:285811 ;  ; 
Wafra ;  ; gn:285760 ;  ; 
Hawalli ;  ; gn:285629 ;  ; 
Riyadh ;  ; gn:Riyadh@SA ;  ; 
Jeddah ;  ; gn:Jeddah@SA ;  ; 
Dammam ;  ; gn:Dammam@SA ;  ; 
Dhahran ;  ; gn:Dhahran@SA ;  ; 
Al Khobar ;  ; gn:109323 ;  ; 
Jubail ;  ; gn:Al Jubayl@SA ;  ; 
Hafar al-Batin ;  ; gn:Hafar Al-Batin@SA ;  ; 
Arar ;  ; gn:Arar@SA ;  ; 
Turaif ;  ; gn:Turaif@SA ;  ; 
Sakakah ;  ; gn:Sakakah@SA ;  ; 
Tabuk ;  ; gn:Tabuk@SA ;  ; 
Hail ;  ; gn:Ha'il@SA ;  ; 
Buraidah ;  ; gn:Buraydah@SA ;  ; 
Medina ;  ; gn:Medina@SA ;  ; 
Mecca ;  ; gn:Mecca@SA ;  ; 
Abha ;  ; gn:Abha@SA ;  ; 
Khamis Mushait ;  ; gn:Khamis Mushait@SA ;  ; 
Najran ;  ; gn:Najran@SA ;  ; 
Jizan ;  ; gn:Jizan@SA ;  ; 
Taif ;  ; gn:Ta'if@SA ;  ; 
Yanbu ;  ; gn:Yanbu@SA ;  ; 
Khafji ;  ; gn:Al Khafji@SA ;  ; 
Abu Dhabi ;  ; gn:Abu Dhabi@AE ;  ; 
Dubai ;  ; gn:Dubai@AE ;  ; 
Sharjah ;  ; gn:Sharjah@AE ;  ; 
Al Ain ;  ; gn:Al Ain City@AE ;  ; 
Fujairah ;  ; gn:292878 ;  ; 
Ras al-Khaimah ;  ; gn:291074 ;  ; 
Doha ;  ; gn:Doha@QA ;  ; 
Al Wakrah ;  ; gn:Al Wakrah@QA ;  ; 
Al Khor ;  ; gn:Al Khawr@QA ;  ; 
Dukhan ;  ; gn:Dukhan@QA ;  ; 
Manama ;  ; gn:Manama@BH ;  ; 
Muharraq ;  ; gn:Al Muharraq@BH ;  ; 
Riffa ;  ; gn:Ar Rifa'@BH ;  ; 
Muscat ;  ; gn:Muscat@OM ;  ; 
Salalah ;  ; gn:Salalah@OM ;  ; 
Sohar ;  ; gn:Sohar@OM ;  ; 
Nizwa ;  ; gn:Nizwa@OM ;  ; 
Khasab ;  ; gn:Khasab@OM ;  ; 
Ibri ;  ; gn:287830 ;  ; 
Sanaa ;  ; gn:Sanaa@YE ;  ; 
Aden ;  ; gn:Aden@YE ;  ; 
Taiz ;  ; gn:Taiz@YE ;  ; 
Hodeidah ;  ; gn:Al Hudaydah@YE ;  ; 
Mukalla ;  ; gn:78754 ;  ; 
Marib ;  ; gn:Ma'rib@YE ;  ; 
# ---------------------------------------------------------------- Turkey
Ankara ;  ; gn:Ankara@TR ;  ; 
Istanbul ;  ; gn:Istanbul@TR ;  ; 
Adana ;  ; gn:Adana@TR ;  ; 
Gaziantep ;  ; gn:Gaziantep@TR ;  ; 
Kilis ;  ; gn:307864 ;  ; 
Sanliurfa ;  ; gn:Sanliurfa@TR ;  ; 
Akcakale ;  ; gn:324944 ;  ; 
Ceylanpinar ;  ; gn:318668 ;  ; 
Nusaybin ;  ; gn:303750 ;  ; 
Mardin ;  ; gn:Mardin@TR ;  ; 
Cizre ;  ; gn:Cizre@TR ;  ; 
Silopi ;  ; gn:300797 ;  ; 
Sirnak ;  ; gn:Sirnak@TR ;  ; 
Batman ;  ; gn:Batman@TR ;  ; 
Diyarbakir ;  ; gn:Diyarbakir@TR ;  ; 
Antakya ;  ; gn:Antakya@TR ;  ; 
Iskenderun ;  ; gn:Iskenderun@TR ;  ; 
Reyhanli ;  ; gn:302355 ;  ; 
Mersin ;  ; gn:Mersin@TR ;  ; 
Malatya ;  ; gn:Malatya@TR ;  ; 
Van ;  ; gn:Van@TR ;  ; 
Hakkari ;  ; gn:Hakkari@TR ;  ; 
Yuksekova ;  ; gn:Yuksekova@TR ;  ; 
Izmir ;  ; gn:Izmir@TR ;  ; 
Konya ;  ; gn:Konya@TR ;  ; 
# ---------------------------------------------------------------- Levant, Egypt
Beirut ;  ; gn:Beirut@LB ;  ; 
Sidon ;  ; gn:Sidon@LB ;  ; 
Tyre ;  ; gn:Tyre@LB ;  ; 
Baalbek ;  ; gn:Baalbek@LB ;  ; 
Zahle ;  ; gn:Zahle@LB ;  ; 
Hermel ;  ; gn:279997 ;  ; 
Nabatieh ;  ; gn:Nabatiye et Tahta@LB ;  ; 
Jounieh ;  ; gn:Jounieh@LB ;  ; 
Jerusalem ;  ; gn:Jerusalem@IL ;  ; 
Tel Aviv ;  ; gn:Tel Aviv@IL ;  ; 
Haifa ;  ; gn:Haifa@IL ;  ; 
Beersheba ;  ; gn:Beersheba@IL ;  ; 
Eilat ;  ; gn:Eilat@IL ;  ; 
Gaza ;  ; gn:Gaza@PS ;  ; 
Cairo ;  ; gn:Cairo@EG ;  ; 
Suez ;  ; gn:Suez@EG ;  ; 
Port Said ;  ; gn:Port Said@EG ;  ; port
Ismailia ;  ; gn:Ismailia@EG ;  ; 
Arish ;  ; gn:Arish@EG ;  ; 
Sharm el-Sheikh ;  ; gn:Sharm el-Sheikh@EG ;  ; 
Hurghada ;  ; gn:Hurghada@EG ;  ; 
Aswan ;  ; gn:Aswan@EG ;  ; 
Luxor ;  ; gn:Luxor@EG ;  ; 
Nicosia ;  ; gn:Nicosia@CY ;  ; 
Larnaca ;  ; gn:Larnaca@CY ;  ; 
Limassol ;  ; gn:Limassol@CY ;  ; 
# ---------------------------------------------------------------- Iran, Afghanistan, Pakistan, Central Asia
Tehran ;  ; gn:Tehran@IR ;  ; 
Isfahan ;  ; gn:Isfahan@IR ;  ; 
Shiraz ;  ; gn:Shiraz@IR ;  ; 
Tabriz ;  ; gn:Tabriz@IR ;  ; 
Mashhad ;  ; gn:Mashhad@IR ;  ; 
Ahvaz ;  ; gn:Ahvaz@IR ;  ; 
Abadan ;  ; gn:Abadan@IR ;  ; 
Khorramshahr ;  ; gn:Khorramshahr@IR ;  ; 
Bandar Abbas ;  ; gn:Bandar Abbas@IR ;  ; 
Bushehr ;  ; gn:Bushehr@IR ;  ; 
Kermanshah ;  ; gn:Kermanshah@IR ;  ; 
Qasr-e Shirin ;  ; gn:119586 ;  ; 
Mehran ;  ; gn:124291 ;  ; 
Zahedan ;  ; gn:Zahedan@IR ;  ; 
Chabahar ;  ; gn:Chabahar@IR ;  ; 
Kabul ;  ; gn:Kabul@AF ;  ; 
Kandahar ;  ; gn:Kandahar@AF ;  ; 
Herat ;  ; gn:Herat@AF ;  ; 
Mazar-i-Sharif ;  ; gn:Mazar-e Sharif@AF ;  ; 
Jalalabad ;  ; gn:Jalalabad@AF ;  ; 
Kunduz ;  ; gn:Kunduz@AF ;  ; 
Lashkar Gah ;  ; gn:Lashkar Gah@AF ;  ; 
Ghazni ;  ; gn:Ghazni@AF ;  ; 
Gardez ;  ; gn:Gardez@AF ;  ; 
Khost ;  ; gn:Khost@AF ;  ; 
Charikar ;  ; gn:Charikar@AF ;  ; 
Zaranj ;  ; gn:Zaranj@AF ;  ; 
Spin Boldak ;  ; gn:1123906 ;  ; 
Karachi ;  ; gn:Karachi@PK ;  ; 
Peshawar ;  ; gn:Peshawar@PK ;  ; 
Quetta ;  ; gn:Quetta@PK ;  ; 
Islamabad ;  ; gn:Islamabad@PK ;  ; 
Chaman ;  ; gn:1181611 ;  ; 
Bishkek ;  ; gn:Bishkek@KG ;  ; 
Tashkent ;  ; gn:Tashkent@UZ ;  ; 
Dushanbe ;  ; gn:Dushanbe@TJ ;  ; 
# ---------------------------------------------------------------- Africa
Djibouti City ;  ; gn:Djibouti@DJ ;  ; 
Mogadishu ;  ; gn:Mogadishu@SO ;  ; 
Kismayo ;  ; gn:Kismayo@SO ;  ; 
Baidoa ;  ; gn:Baidoa@SO ;  ; 
Berbera ;  ; gn:Berbera@SO ;  ; 
Hargeisa ;  ; gn:Hargeysa@SO ;  ; 
Nairobi ;  ; gn:Nairobi@KE ;  ; 
Mombasa ;  ; gn:Mombasa@KE ;  ; 
Lamu ;  ; gn:Lamu@KE ;  ; 
Addis Ababa ;  ; gn:Addis Ababa@ET ;  ; 
Niamey ;  ; gn:Niamey@NE ;  ; 
Agadez ;  ; gn:Agadez@NE ;  ; 
N'Djamena ;  ; gn:N'Djamena@TD ;  ; 
Bamako ;  ; gn:Bamako@ML ;  ; 
Gao ;  ; gn:Gao@ML ;  ; 
Ouagadougou ;  ; gn:Ouagadougou@BF ;  ; 
Tunis ;  ; gn:Tunis@TN ;  ; 
Benghazi ;  ; gn:Benghazi@LY ;  ; 
Misrata ;  ; gn:Misratah@LY ;  ; 
Khartoum ;  ; gn:Khartoum@SD ;  ; 
Port Sudan ;  ; gn:Port Sudan@SD ;  ; port
Asmara ;  ; gn:Asmara@ER ;  ; 
Massawa ;  ; gn:Massawa@ER ;  ; port
# ---------------------------------------------------------------- Europe
Kaiserslautern ;  ; gn:Kaiserslautern@DE ;  ; 
Landstuhl ;  ; gn:Landstuhl@DE ;  ; 
Ramstein-Miesenbach ;  ; gn:Ramstein-Miesenbach@DE ;  ; 
Grafenwöhr ;  ; gn:Grafenwöhr@DE ;  ; 
Vilseck ;  ; gn:Vilseck@DE ;  ; 
Wiesbaden ;  ; gn:Wiesbaden@DE ;  ; 
Stuttgart ;  ; gn:Stuttgart@DE ;  ; 
Vicenza ;  ; gn:Vicenza@IT ;  ; 
Livorno ;  ; gn:Livorno@IT ;  ; port
Souda ;  ; gn:Souda@GR ;  ; 
Chania ;  ; gn:Chania@GR ;  ; 
Constanta ;  ; gn:Constanta@RO ;  ; port
Rzeszow ;  ; gn:Rzeszow@PL ;  ; 
Powidz ;  ; gn:Powidz@PL ;  ; 
Vilnius ;  ; gn:Vilnius@LT ;  ; 
Tallinn ;  ; gn:Tallinn@EE ;  ; 
Riga ;  ; gn:Riga@LV ;  ; 
# ---------------------------------------------------------------- Indo-Pacific
Tokyo ;  ; gn:Tokyo@JP ;  ; 
Yokosuka ;  ; gn:Yokosuka@JP ;  ; 
Sasebo ;  ; gn:Sasebo@JP ;  ; 
Naha ;  ; gn:Naha@JP ;  ; 
Iwakuni ;  ; gn:Iwakuni@JP ;  ; 
Seoul ;  ; gn:Seoul@KR ;  ; 
Busan ;  ; gn:Busan@KR ;  ; 
Daegu ;  ; gn:Daegu@KR ;  ; 
Manila ;  ; gn:Manila@PH ;  ; 
Olongapo ;  ; gn:Olongapo@PH ;  ; 
Darwin ;  ; gn:Darwin@AU ;  ; 
Hagatna ;  ; gn:Hagatna@GU ;  ; 
"""
ROWS += r"""
# ---------------------------------------------------------------- airfields by name (OurAirports; names, keywords and press usage)
Al Asad Air Base ;  ; ap:ORAA ;  ; 
Ain al-Asad ;  ; ap:ORAA ;  ; 
Ain al-Asad Air Base ;  ; ap:ORAA ;  ; 
Al Asad AB ;  ; ap:ORAA ;  ; 
Qadisiyah Airbase ;  ; ap:ORAA ;  ; 
Al Taqaddum Air Base ;  ; ap:ORAT ;  ; 
Taqaddum ;  ; ap:ORAT ;  ; 
Balad Air Base ;  ; ap:ORBD ;  ; 
Joint Base Balad ;  ; ap:ORBD ;  ; 
Camp Anaconda ;  ; ap:ORBD ; 5 ; installation ; OurAirports keyword Camp Anaconda
LSA Anaconda ;  ; ap:ORBD ; 5 ; installation ; OurAirports keyword Camp Anaconda
Al-Bakr Air Base ;  ; ap:ORBD ;  ; 
Camp Speicher ;  ; ap:ORSH ; 5 ; installation ; OurAirports keyword Camp Speicher
COB Speicher ;  ; ap:ORSH ; 5 ; installation ; OurAirports keyword Camp Speicher
Tallil Air Base ;  ; ap:ORTL ;  ; 
Ali Air Base ;  ; ap:ORTL ;  ; 
Camp Adder ;  ; ap:ORTL ; 5 ; installation ; OurAirports keyword Camp Adder
Qayyarah West ;  ; ap:ORQW ;  ; 
Q-West ;  ; ap:ORQW ;  ; 
Qayyarah Airfield West ;  ; ap:ORQW ;  ; 
Erbil International Airport ;  ; ap:ORER ;  ; 
Erbil Airport ;  ; ap:ORER ;  ; 
Kirkuk Air Base ;  ; ap:ORKK ;  ; 
Sulaymaniyah International Airport ;  ; ap:ORSU ;  ; 
Baghdad International Airport ;  ; ap:ORBI ;  ; 
BIAP ;  ; ap:ORBI ;  ; 
Camp Sather ;  ; ap:ORBI ; 5 ; installation ; OurAirports keyword Camp Sather
Victory Base Complex ;  ; ap:ORBI ; 10 ; installation ; OurAirports keyword VBC
Basra International Airport ;  ; ap:ORMM ;  ; 
Basrah Airport ;  ; ap:ORMM ;  ; 
Al Najaf International Airport ;  ; ap:ORNI ;  ; 
Mosul International Airport ;  ; ap:ORBM ;  ; 
Al Taji Army Air Field ;  ; ap:ORTI ;  ; 
Camp Taji ;  ; ap:ORTI ; 5 ; installation ; the camp around Al Taji Army Air Field
Rasheed Air Base ;  ; ap:IQ-0039 ;  ; 
H-3 Air Base ;  ; ap:IQ-0018 ;  ; 
Ali Al Salem Air Base ;  ; ap:OKAS ;  ; 
Ali Al Salem ;  ; ap:OKAS ;  ; 
Ahmed Al Jaber Air Base ;  ; ap:OKAJ ;  ; 
Al Jaber Air Base ;  ; ap:OKAJ ;  ; 
Kuwait International Airport ;  ; ap:OKBK ;  ; 
Al Udeid Air Base ;  ; ap:OTBH ;  ; 
Al Udeid AB ;  ; ap:OTBH ;  ; 
Hamad International Airport ;  ; ap:OTHH ;  ; 
Al Dhafra Air Base ;  ; ap:OMAM ;  ; 
Al Dhafra ;  ; ap:OMAM ;  ; 
Al Minhad Air Base ;  ; ap:OMDM ;  ; 
Dubai International Airport ;  ; ap:OMDB ;  ; 
Abu Dhabi International Airport ;  ; ap:OMAA ;  ; 
Prince Sultan Air Base ;  ; ap:OEPS ;  ; 
King Abdulaziz Air Base ;  ; ap:OEDR ;  ; 
Dhahran Air Base ;  ; ap:OEDR ;  ; 
King Khalid Air Base ;  ; ap:OEKM ;  ; 
King Khalid Military City ;  ; ap:OEKK ; 10 ; installation
King Khaled International Airport ;  ; ap:OERK ;  ; 
King Abdulaziz International Airport ;  ; ap:OEJN ;  ; 
Isa Air Base ;  ; ap:OBBS ;  ; 
Shaikh Isa Air Base ;  ; ap:OBBS ;  ; 
Bahrain International Airport ;  ; ap:OBBI ;  ; 
Thumrait Air Base ;  ; ap:OOTH ;  ; 
RAFO Masirah ;  ; ap:OOMA ;  ; 
Masirah Air Base ;  ; ap:OOMA ;  ; 
Muscat International Airport ;  ; ap:OOMS ;  ; 
Muwaffaq Salti Air Base ;  ; ap:OJMS ;  ; 
Muwaffaq al-Salti ;  ; ap:OJMS ;  ; 
Shaheed Mwaffaq Air Base ;  ; ap:OJMS ;  ; 
King Faisal Air Base ;  ; ap:JO-0002 ;  ; 
Queen Alia International Airport ;  ; ap:OJAI ;  ; 
Marka Airport ;  ; ap:OJAM ;  ; 
King Abdullah Air Base ;  ; ap:OJAM ;  ; 
King Hussein International Airport ;  ; ap:OJAQ ;  ; 
Incirlik ;  ; ap:LTAG ;  ; 
Incirlik Air Base ;  ; ap:LTAG ;  ; 
Diyarbakir Airport ;  ; ap:LTCC ;  ; 
Gaziantep Airport ;  ; ap:LTAJ ;  ; 
Bagram Airfield ;  ; ap:OAIX ;  ; 
Bagram Air Base ;  ; ap:OAIX ;  ; 
Kandahar Airfield ;  ; ap:OAKN ;  ; 
Kabul International Airport ;  ; ap:OAKB ;  ; 
Hamid Karzai International Airport ;  ; ap:OAKB ;  ; 
Mazar-i-Sharif Airport ;  ; ap:OAMS ;  ; 
Manas Air Base ;  ; ap:UAFM ;  ; 
Manas International Airport ;  ; ap:UAFM ;  ; 
Kant Air Base ;  ; ap:UAFW ;  ; 
Ramstein Air Base ;  ; ap:ETAR ;  ; 
Ramstein AB ;  ; ap:ETAR ;  ; 
Spangdahlem Air Base ;  ; ap:ETAD ;  ; 
Spangdahlem ;  ; ap:ETAD ;  ; 
Geilenkirchen Air Base ;  ; ap:ETNG ;  ; 
Wiesbaden Army Airfield ;  ; ap:ETOU ;  ; 
Aviano Air Base ;  ; ap:LIPA ;  ; 
Aviano ;  ; ap:LIPA ; 10 ; 
NAS Sigonella ;  ; ap:LICZ ;  ; 
Sigonella Navy Air Base ;  ; ap:LICZ ;  ; 
Naval Station Rota ;  ; ap:LERT ;  ; 
Rota Naval Station Airport ;  ; ap:LERT ;  ; 
Moron Air Base ;  ; ap:LEMO ;  ; 
Lajes Field ;  ; ap:LPLA ;  ; 
Chievres Air Base ;  ; ap:EBCV ;  ; 
RAF Akrotiri ;  ; ap:LCRA ;  ; 
Akrotiri ;  ; ap:LCRA ; 10 ; 
RAF Mildenhall ;  ; ap:EGUN ;  ; 
RAF Lakenheath ;  ; ap:EGUL ;  ; 
RAF Fairford ;  ; ap:EGVA ;  ; 
Mihail Kogalniceanu Air Base ;  ; ap:LRCK ;  ; 
Souda Bay Naval Support Activity ;  ; ap:LGSA ; 10 ; installation ; NSA Souda Bay shares the Chania airfield
Chania International Airport ;  ; ap:LGSA ;  ; 
Kadena Air Base ;  ; ap:RODN ;  ; 
Kadena ;  ; ap:RODN ;  ; 
Yokota Air Base ;  ; ap:RJTY ;  ; 
Misawa Air Base ;  ; ap:RJSM ;  ; 
Osan Air Base ;  ; ap:RKSO ;  ; 
Kunsan Air Base ;  ; ap:RKJK ;  ; 
Andersen Air Force Base ;  ; ap:PGUA ;  ; 
Andersen AFB ;  ; ap:PGUA ;  ; 
Clark Air Base ;  ; ap:RPLC ;  ; 
RAAF Base Darwin ;  ; ap:YPDN ;  ; 
RAAF Base Tindal ;  ; ap:YPTN ;  ; 
Diego Garcia Naval Support Facility ;  ; ap:FJDG ;  ; 
Djibouti-Ambouli Airport ;  ; ap:HDAM ;  ; 
Aden Adde International Airport ;  ; ap:HCMM ;  ; 
Manda Airport ;  ; ap:HKLU ;  ; 
Deir ez-Zor Airport ;  ; ap:OSDZ ;  ; 
Qamishli Airport ;  ; ap:OSKL ;  ; 
Palmyra Airport ;  ; ap:OSPR ;  ; 
Aleppo International Airport ;  ; ap:OSAP ;  ; 
Damascus International Airport ;  ; ap:OSDI ;  ; 
Bassel Al-Assad International Airport ;  ; ap:OSLK ;  ; 
Abu al-Duhur Air Base ;  ; ap:OS57 ;  ; 
Beirut Rafic Hariri International Airport ;  ; ap:OLBA ;  ; 
Rayak Air Base ;  ; ap:OLRA ;  ; 
Nevatim Air Base ;  ; ap:LLNV ;  ; 
Ramon Air Base ;  ; ap:LLRM ;  ; 
Tel Nof Air Base ;  ; ap:LLEK ;  ; 
Cairo West Air Base ;  ; ap:HECW ;  ; 
Cairo International Airport ;  ; ap:HECA ;  ; 
Shahbaz Air Base ;  ; ap:OPJA ;  ; 
Masroor Air Base ;  ; ap:OPMR ;  ; 
Shamsi Airfield ;  ; ap:OP12 ;  ; 
Vahdati Air Base ;  ; ap:OIAD ;  ; 
Mehrabad International Airport ;  ; ap:OIII ;  ; 
Imam Khomeini International Airport ;  ; ap:OIIE ;  ; 
Sanaa International Airport ;  ; ap:OYSN ;  ; 
Aden International Airport ;  ; ap:OYAA ;  ; 
# ---------------------------------------------------------------- ICAO / IATA codes (OurAirports)
ORAA ;  ; ap:ORAA ;  ; code
ORBI ;  ; ap:ORBI ;  ; code
BGW ;  ; ap:ORBI ;  ; code
BSR ;  ; ap:ORMM ;  ; code
ORMM ;  ; ap:ORMM ;  ; code
EBL ;  ; ap:ORER ;  ; code
ORER ;  ; ap:ORER ;  ; code
ORTL ;  ; ap:ORTL ;  ; code
ORBD ;  ; ap:ORBD ;  ; code
ORSH ;  ; ap:ORSH ;  ; code
ORQW ;  ; ap:ORQW ;  ; code
ORKK ;  ; ap:ORKK ;  ; code
ORAT ;  ; ap:ORAT ;  ; code
OKAS ;  ; ap:OKAS ;  ; code
OKAJ ;  ; ap:OKAJ ;  ; code
OKBK ;  ; ap:OKBK ;  ; code
KWI ;  ; ap:OKBK ;  ; code
OTBH ;  ; ap:OTBH ;  ; code
OTHH ;  ; ap:OTHH ;  ; code
DOH ;  ; ap:OTHH ;  ; code
OMAM ;  ; ap:OMAM ;  ; code
OMDM ;  ; ap:OMDM ;  ; code
DXB ;  ; ap:OMDB ;  ; code
AUH ;  ; ap:OMAA ;  ; code
OEPS ;  ; ap:OEPS ;  ; code
OBBS ;  ; ap:OBBS ;  ; code
BAH ;  ; ap:OBBI ;  ; code
OJMS ;  ; ap:OJMS ;  ; code
OJAI ;  ; ap:OJAI ;  ; code
AMM ;  ; ap:OJAI ;  ; code
AQJ ;  ; ap:OJAQ ;  ; code
LTAG ;  ; ap:LTAG ;  ; code
ETAR ;  ; ap:ETAR ;  ; code
LIPA ;  ; ap:LIPA ;  ; code
LICZ ;  ; ap:LICZ ;  ; code
LGSA ;  ; ap:LGSA ;  ; code
LERT ;  ; ap:LERT ;  ; code
OAIX ;  ; ap:OAIX ;  ; code
OAKN ;  ; ap:OAKN ;  ; code
KBL ;  ; ap:OAKB ;  ; code
HDAM ;  ; ap:HDAM ;  ; code
FJDG ;  ; ap:FJDG ;  ; code
RODN ;  ; ap:RODN ;  ; code
RKSO ;  ; ap:RKSO ;  ; code
PGUA ;  ; ap:PGUA ;  ; code
OSDI ;  ; ap:OSDI ;  ; code
OSKL ;  ; ap:OSKL ;  ; code
OLBA ;  ; ap:OLBA ;  ; code
BEY ;  ; ap:OLBA ;  ; code
OOTH ;  ; ap:OOTH ;  ; code
MCT ;  ; ap:OOMS ;  ; code
"""
