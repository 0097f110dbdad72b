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
Akre ; Duhok ; gn:98822 ;  ; context
Rawanduz ;  ; gn:92002 ;  ; 
Afak ;  ; gn:99738 ;  ; 
Diwaniyah ;  ; gn:99762 ;  ; 
Dujail ;  ; gn:99759 ;  ; 
Amadiya ;  ; gn:99611 ;  ; 
Amarah ;  ; gn:99608 ;  ; 
Aziziyah ; Kut ; gn:99548 ;  ; context
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
Shamiya ; Najaf > Diwaniyah ; gn:98629 ;  ; context
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
Salman ; Samawah ; gn:98533 ;  ; context
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
Ras al-Ayn ; Hasakah ; gn:Ra's al `Ayn@SY ;  ; context
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
Nabk ; Homs ; gn:An Nabk@SY ;  ; context
Yabroud ;  ; gn:Yabrud@SY ;  ; 
Douma ;  ; gn:Duma@SY ;  ; 
Zabadani ;  ; gn:Az Zabadani@SY ;  ; 
Sanamayn ;  ; gn:As Sanamayn@SY ;  ; 
Bosra ;  ; gn:Busra ash Sham@SY ;  ; 
Nawa ; Daraa ; gn:Nawa@SY ;  ; context
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
Al Jafr ; Ma'an ; gn:Al Jafr@JO ;  ; context
Qatraneh ;  ; gn:Al Qatranah@JO ;  ; 
Wadi Musa ;  ; gn:Wadi Musa@JO ;  ; 
Shobak ;  ; gn:Ash Shawbak@JO ;  ; 
Dhiban ; Madaba ; gn:Dhiban@JO ;  ; context
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
Gaza ; Arish ; gn:Gaza@PS ;  ; context
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
ETAD ;  ; ap:ETAD ;  ; code
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
ROWS += r"""
# ---------------------------------------------------------------- Arabic script (GeoNames alternate names, and the folding forms of issue 12 item 7)
بغداد ;  ; gn:98182 ;  ; arabic
بغـــداد ;  ; gn:98182 ;  ; arabic ; tatweel
بَغْدَاد ;  ; gn:98182 ;  ; arabic ; harakat
الرمادي ;  ; gn:98717 ;  ; arabic
الرمادى ;  ; gn:98717 ;  ; arabic ; alef maqsura
الفلوجة ;  ; gn:99454 ;  ; arabic
الفلوجه ;  ; gn:99454 ;  ; arabic ; taa marbuta as heh
الموصل ;  ; gn:99072 ;  ; arabic
البصرة ;  ; gn:99532 ;  ; arabic
الناصرية ;  ; gn:98854 ;  ; arabic
الناصريّة ;  ; gn:98854 ;  ; arabic ; shadda
كربلاء ;  ; gn:94824 ;  ; arabic
کربلا ;  ; gn:94824 ;  ; arabic ; Persian keheh, no hamza
النجف ;  ; gn:98860 ;  ; arabic
تكريت ;  ; gn:90150 ;  ; arabic
تکریت ;  ; gn:90150 ;  ; arabic ; Persian keheh and yeh
سامراء ;  ; gn:91597 ;  ; arabic
بعقوبة ;  ; gn:97990 ;  ; arabic
كركوك ;  ; gn:94787 ;  ; arabic
کەرکووک ;  ; gn:94787 ;  ; arabic ; Kurdish
أربيل ;  ; gn:95446 ;  ; arabic
اربيل ;  ; gn:95446 ;  ; arabic ; bare alef
إربيل ;  ; gn:95446 ;  ; arabic ; alef with hamza below
هيت ;  ; gn:95788 ;  ; arabic
حديثة ;  ; gn:96309 ;  ; arabic
القائم ;  ; gn:92138 ;  ; arabic
القايم ;  ; gn:92138 ;  ; arabic ; hamza seat dropped
الرطبة ;  ; gn:98677 ;  ; arabic
السليمانية ;  ; gn:98463 ;  ; arabic
سلێمانی ;  ; gn:98463 ;  ; arabic ; Kurdish
دهوك ;  ; gn:96994 ;  ; arabic
دهۆک ;  ; gn:96994 ;  ; arabic ; Kurdish
دمشق ;  ; gn:170654 ;  ; arabic
حلب ;  ; gn:170063 ;  ; arabic
حمص ;  ; gn:169577 ;  ; arabic
حماة ;  ; gn:170017 ;  ; arabic
دير الزور ;  ; gn:170794 ;  ; arabic
الرقة ;  ; gn:172955 ;  ; arabic
الحسكة ;  ; gn:173811 ;  ; arabic
القامشلي ;  ; gn:173377 ;  ; arabic
البو كمال ;  ; gn:174448 ;  ; arabic
تدمر ;  ; gn:163808 ;  ; arabic
السويداء ;  ; gn:172408 ;  ; arabic
عمّان ;  ; gn:250441 ;  ; arabic
إربد ;  ; gn:248946 ;  ; arabic
اربد ;  ; gn:248946 ;  ; arabic ; bare alef
الزرقاء ;  ; gn:250090 ;  ; arabic
المفرق ;  ; gn:250582 ;  ; arabic
العقبة ;  ; gn:250774 ;  ; arabic
السلط ;  ; gn:250258 ;  ; arabic
عجلون ;  ; gn:250799 ;  ; arabic
الرياض ;  ; gn:108410 ;  ; arabic
الدوحة ;  ; gn:290030 ;  ; arabic
اَلدَّوْحَة ;  ; gn:290030 ;  ; arabic ; harakat
المنامة ;  ; gn:290340 ;  ; arabic
بيروت ;  ; gn:276781 ;  ; arabic
العراق ;  ; ne:IRQ ;  ; arabic
سوريا ;  ; ne:SYR ;  ; arabic
الأردن ;  ; ne:JOR ;  ; arabic
الاردن ;  ; ne:JOR ;  ; arabic ; bare alef
السعودية ;  ; ne:SAU ;  ; arabic
مصر ;  ; ne:EGY ;  ; arabic
لبنان ;  ; ne:LBN ;  ; arabic
تركيا ;  ; ne:TUR ;  ; arabic
إيران ;  ; ne:IRN ;  ; arabic
اليمن ;  ; ne:YEM ;  ; arabic
قطر ;  ; ne:QAT ;  ; arabic
الأنبار ;  ; a1:IRQ/Al-Anbar ;  ; arabic
محافظة الأنبار ;  ; a1:IRQ/Al-Anbar ;  ; arabic
معبر باب الهوى ;  ; pg:36.230639,36.692639,https://en.wikipedia.org/wiki/Bab_al-Hawa_Border_Crossing (Official name معبر باب الهوى) ; 5 ; arabic
بحيرة الثرثار ;  ; lake:Lake Tharthar ;  ; arabic
"""
ROWS += r"""
# ---------------------------------------------------------------- typos with one obvious answer (one letter dropped, swapped, doubled or wrong)
Baghadad ;  ; gn:98182 ;  ; typo
Bahgdad ;  ; gn:98182 ;  ; typo
Baghdadd ;  ; gn:98182 ;  ; typo
Fallujha ;  ; gn:99454 ;  ; typo
Falluhja ;  ; gn:99454 ;  ; typo
Ramaadi ;  ; gn:98717 ;  ; typo
Ramadii ;  ; gn:98717 ;  ; typo
Kirkukk ;  ; gn:94787 ;  ; typo
Kirkul ;  ; gn:94787 ;  ; typo
Tikirt ;  ; gn:90150 ;  ; typo
Nasiriyha ;  ; gn:98854 ;  ; typo
Karballa ;  ; gn:94824 ;  ; typo
Najjaf ;  ; gn:98860 ;  ; typo
Samawha ;  ; gn:98530 ;  ; typo
Sulaymanyah ;  ; gn:98463 ;  ; typo
Haditah ;  ; gn:96309 ;  ; typo
Habbaniyha ;  ; lake:Lake Habbaniyah ;  ; typo
Damascas ;  ; gn:170654 ;  ; typo
Damscus ;  ; gn:170654 ;  ; typo
Alepo ;  ; gn:170063 ;  ; typo
Aleppoo ;  ; gn:170063 ;  ; typo
Deir ez-Zorr ;  ; gn:170794 ;  ; typo
Raqaa ;  ; gn:172955 ;  ; typo
Qamishlli ;  ; gn:173377 ;  ; typo
Latakai ;  ; gn:Latakia@SY ;  ; typo
Ammann ;  ; gn:250441 ;  ; typo
Irbdi ;  ; gn:248946 ;  ; typo
Mafraqq ;  ; gn:250582 ;  ; typo
Aqabba ;  ; gn:250774 ;  ; typo
Kuwiat City ;  ; gn:285787 ; 20 ; typo
Riyadth ;  ; gn:108410 ;  ; typo
Dhahrn ;  ; gn:Dhahran@SA ;  ; typo
Abu Dahbi ;  ; gn:Abu Dhabi@AE ;  ; typo
Bagrm ;  ; ap:OAIX ; 10 ; typo
Kandahr ;  ; gn:Kandahar@AF ;  ; typo
Jalalbad ;  ; gn:Jalalabad@AF ;  ; typo
Incirlick ;  ; ap:LTAG ;  ; typo
Ramsteinn Air Base ;  ; ap:ETAR ;  ; typo
Sigonela ;  ; ap:LICZ ;  ; typo
Diyarbakr ;  ; gn:Diyarbakir@TR ;  ; typo
Gaziantpe ;  ; gn:Gaziantep@TR ;  ; typo
Djibuti ;  ; ne:DJI ;  ; typo
Afghanstan ;  ; ne:AFG ;  ; typo
Saudi Arbia ;  ; ne:SAU ;  ; typo
Jordon ;  ; ne:JOR ;  ; typo
Al Udied ;  ; ap:OTBH ;  ; typo
Camp Lemonier ;  ; ap:HDAM ;  ; typo ; OurAirports keyword Camp Lemonnier
# ---------------------------------------------------------------- transliteration and press variants
Bagdad ;  ; gn:98182 ;  ; variant
Falluja ;  ; gn:99454 ;  ; variant
Fallouja ;  ; gn:99454 ;  ; variant
Al Fallujah ;  ; gn:99454 ;  ; variant
Nasiriya ;  ; gn:98854 ;  ; variant
Nassiriya ;  ; gn:98854 ;  ; variant
An Nasiriyah ;  ; gn:98854 ;  ; variant
Ar Rutbah ;  ; gn:98677 ;  ; variant
Rutba ;  ; gn:98677 ;  ; variant
Hadithah ;  ; gn:96309 ;  ; variant
Ar Ramadi ;  ; gn:98717 ;  ; variant
Heet ;  ; gn:95788 ;  ; variant
Al Mawsil ;  ; gn:99072 ;  ; variant
Takrit ;  ; gn:90150 ;  ; variant
Baquba ;  ; gn:97990 ;  ; variant
Baqouba ;  ; gn:97990 ;  ; variant
Kerbala ;  ; gn:94824 ;  ; variant
Al Hillah ;  ; gn:99347 ;  ; variant
Hilla ;  ; gn:99347 ;  ; variant
Diwaniya ;  ; gn:99762 ;  ; variant
Al Amarah ;  ; gn:99608 ;  ; variant
Amara ;  ; gn:99608 ;  ; variant
Al Kut ;  ; gn:99131 ;  ; variant
Irbil ;  ; gn:95446 ;  ; variant
Arbil ;  ; gn:95446 ;  ; variant
Hewler ;  ; gn:95446 ;  ; variant
Sulaimaniya ;  ; gn:98463 ;  ; variant
Slemani ;  ; gn:98463 ;  ; variant
Dohuk ;  ; gn:96994 ;  ; variant
Telafer ;  ; gn:90393 ;  ; variant
Tall Afar ;  ; gn:90393 ;  ; variant
Al-Qaim ;  ; gn:92138 ;  ; variant
Samawa ;  ; gn:98530 ;  ; variant
Az Zubayr ;  ; gn:98245 ;  ; variant
Beiji ;  ; gn:97783 ;  ; variant
Abu Ghurayb ;  ; gn:100077 ;  ; variant
Qaraqosh ;  ; gn:92430 ;  ; variant
Al-Bukamal ;  ; gn:174448 ;  ; variant
al-Bukamai ;  ; gn:174448 ;  ; variant
Albu Kamal ;  ; gn:174448 ;  ; variant
Deir al-Zour ;  ; gn:170794 ;  ; variant
Deir Ezzor ;  ; gn:170794 ;  ; variant
Dayr az Zawr ;  ; gn:170794 ;  ; variant
Ar Raqqah ;  ; gn:172955 ;  ; variant
Rakka ;  ; gn:172955 ;  ; variant
Hasakah ;  ; gn:173811 ;  ; variant
Hasakeh ;  ; gn:173811 ;  ; variant
Kamishli ;  ; gn:173377 ;  ; variant
Qamishly ;  ; gn:173377 ;  ; variant
Dimashq ;  ; gn:170654 ;  ; variant
Halab ;  ; gn:170063 ;  ; variant
Hims ;  ; gn:169577 ;  ; variant
Hamah ;  ; gn:170017 ;  ; variant
Lattakia ;  ; gn:Latakia@SY ;  ; variant
Tartous ;  ; gn:Tartus@SY ;  ; variant
Deraa ;  ; gn:170905 ;  ; variant
Dar'a ;  ; gn:170905 ;  ; variant
Sweida ;  ; gn:172408 ;  ; variant
Ayn al-Arab ;  ; gn:172256 ;  ; variant
A'zaz ;  ; gn:172082 ;  ; variant
Zarka ;  ; gn:250090 ;  ; variant
Az Zarqa ;  ; gn:250090 ;  ; variant
Al Mafraq ;  ; gn:250582 ;  ; variant
Kerak ;  ; gn:6946409 ;  ; variant
Maan ;  ; gn:Ma'an@JO ;  ; variant
Al Aqabah ;  ; gn:250774 ;  ; variant
Ruwayshid ;  ; gn:Ar Ruwayshid@JO ;  ; variant
Jedda ;  ; gn:Jeddah@SA ;  ; variant
Riyad ;  ; gn:108410 ;  ; variant
Ad Dawhah ;  ; gn:290030 ;  ; variant
Masqat ;  ; gn:Muscat@OM ;  ; variant
Sana'a ;  ; gn:Sanaa@YE ;  ; variant
Urfa ;  ; gn:Sanliurfa@TR ;  ; variant
Şanlıurfa ;  ; gn:Sanliurfa@TR ;  ; variant
Diyarbakır ;  ; gn:Diyarbakir@TR ;  ; variant
İskenderun ;  ; gn:Iskenderun@TR ;  ; variant
Mazar-e Sharif ;  ; gn:Mazar-e Sharif@AF ;  ; variant
Bayrut ;  ; gn:276781 ;  ; variant
Saida ;  ; gn:Sidon@LB ;  ; variant
Sour ; Beirut > Sidon ; gn:Tyre@LB ;  ; context
Al Qahirah ;  ; gn:Cairo@EG ;  ; variant
# ---------------------------------------------------------------- qualified (country, province, generic words)
Ramadi Iraq ;  ; gn:98717 ;  ; qualified
Baghdad, IQ ;  ; gn:98182 ;  ; qualified
Baghdad IRQ ;  ; gn:98182 ;  ; qualified
Hit, Iraq ;  ; gn:95788 ;  ; qualified
Haditha, Iraq ;  ; gn:96309 ;  ; qualified
Rutbah, IRQ ;  ; gn:98677 ;  ; qualified
Fallujah, Al Anbar ;  ; gn:99454 ;  ; qualified
Al Qaim, Anbar ;  ; gn:92138 ;  ; qualified
Nasiriyah, Dhi Qar ;  ; gn:98854 ;  ; qualified
Samawah, Muthanna ;  ; gn:98530 ;  ; qualified
Mosul, Nineveh ;  ; gn:99072 ;  ; qualified
Kirkuk city ;  ; gn:94787 ;  ; qualified
Basra city ;  ; gn:99532 ;  ; qualified
Tripoli, Lebanon ;  ; gn:266826 ; 15 ; qualified
Tripoli Lebanon ;  ; gn:266826 ; 15 ; qualified
Tripoli, Libya ;  ; gn:2210247 ;  ; qualified
Karak Jordan ;  ; gn:6946409 ;  ; qualified
Karak, JO ;  ; gn:6946409 ;  ; qualified
Irbid, Jordan ;  ; gn:248946 ;  ; qualified
Mafraq, Jordan ;  ; gn:250582 ;  ; qualified
Aqaba, Jordan ;  ; gn:250774 ;  ; qualified
Salt, Jordan ;  ; gn:250258 ;  ; qualified
Damascus, Syria ;  ; gn:170654 ;  ; qualified
Idlib, Syria ;  ; gn:Idlib@SY ;  ; qualified
Homs, SY ;  ; gn:169577 ;  ; qualified
Mayadin, Deir ez-Zor ;  ; gn:Al Mayadin@SY ;  ; qualified
Rota, Spain ;  ; gn:2511700 ; 10 ; qualified
Naples, Italy ;  ; gn:Naples@IT ;  ; qualified
Alexandria, Egypt ;  ; gn:Alexandria@EG ;  ; qualified
Kilis, Türkiye ;  ; gn:307864 ;  ; qualified
Sirnak, Turkey ;  ; gn:Sirnak@TR ;  ; qualified
Jubail, Saudi Arabia ;  ; gn:Al Jubayl@SA ;  ; qualified
Tabuk, KSA ;  ; gn:101628 ;  ; qualified
Al Ain, UAE ;  ; gn:Al Ain City@AE ;  ; qualified
Sur, Oman ;  ; gn:Sur@OM ;  ; qualified
Halabja, Sulaymaniyah ;  ; gn:96205 ;  ; qualified
Baghdad, العراق ;  ; gn:98182 ;  ; qualified
Al Asad airbase Iraq ;  ; ap:ORAA ;  ; qualified
Erbil airport ;  ; ap:ORER ;  ; qualified
Zakho border crossing ;  ; pg:37.1447222,42.56556,https://nzt.eth.link/wiki/Ibrahim_Khalil_border.html (Ibrahim Khalil / Habur, the crossing near Zakho) ; 15 ; qualified
# ---------------------------------------------------------------- ports
Port of Umm Qasr ;  ; gn:89824 ;  ; port
Umm Qasr port ;  ; gn:89824 ;  ; port
Port of Aqaba ;  ; gn:250774 ;  ; port
Port of Djibouti ;  ; gn:Djibouti@DJ ;  ; port
Port of Salalah ;  ; gn:Salalah@OM ; 20 ; port
Port of Mersin ;  ; gn:Mersin@TR ;  ; port
Port of Tartus ;  ; gn:Tartus@SY ;  ; port
Port of Beirut ;  ; gn:276781 ;  ; port
Jeddah Islamic Port ;  ; gn:Jeddah@SA ;  ; port
Port of Haifa ;  ; gn:Haifa@IL ;  ; port
# ---------------------------------------------------------------- installations (cited pages)
Camp Arifjan ;  ; pg:28.878,48.1579,https://en.wikipedia.org/w/index.php?oldid=1158311067&title=Camp_Arifjan ; 5 ; installation
Camp Buehring ;  ; pg:29.69778,47.42639,https://jmediawiki.org/wiki/Udairi_Landing_Zone (Camp Buehring / Udairi Landing Zone 29°41′52″N 47°25′35″E) ; 5 ; installation
Camp Udairi ;  ; pg:29.69778,47.42639,https://jmediawiki.org/wiki/Udairi_Landing_Zone (Camp Buehring, formerly Camp Udairi) ; 5 ; installation
"""
ROWS += r"""
# ---------------------------------------------------------------- context: the query is the last waypoint of "WITH > QUERY"
Tripoli ; Beirut ; gn:266826 ; 15 ; context
Tripoli ; Benghazi ; gn:2210247 ;  ; context
Tripoli ; Misrata ; gn:2210247 ;  ; context
Springfield ; Chicago ; gn:4250542 ;  ; context
Springfield ; Boston ; gn:4951788 ;  ; context
Springfield ; Tulsa ; gn:4409896 ;  ; context
Alexandria ; Cairo ; gn:Alexandria@EG ;  ; context
Alexandria ; Richmond > Washington ; gn:4744091 ;  ; context
Naples ; Rome ; gn:Naples@IT ;  ; context
Naples ; Miami ; gn:4165565 ;  ; context
Al Qusayr ; Homs ; gn:173322 ;  ; context
Al Qusayr ; Hurghada ; gn:360531 ;  ; context
Sur ; Muscat ; gn:286245 ;  ; context
Sur ; Sidon ; gn:Tyre@LB ;  ; context
Salt ; Amman ; gn:250258 ;  ; context
Al Karamah ; Raqqa ; gn:4273 ;  ; context
Nasiriyah ; Samawah ; gn:98854 ;  ; context
Nasiriya ; Basra ; gn:98854 ;  ; context
Anbar ; Fallujah ; a1:IRQ/Al-Anbar ;  ; context
Mahmudiyah ; Baghdad ; gn:99100 ;  ; context
Hit ; Ramadi ; gn:95788 ;  ; context
Anah ; Haditha ; gn:6765385 ;  ; context
Rawa ; Anah ; gn:92004 ;  ; context
Al Qaim ; Abu Kamal ; gn:92138 ;  ; context
Hamdaniya ; Mosul ; gn:92430 ;  ; context
Kut ; Baghdad ; gn:99131 ;  ; context
Rutba ; Ramadi ; gn:98677 ;  ; context
Tikrit ; Samarra ; gn:90150 ;  ; context
Koya ; Erbil ; gn:94220 ;  ; context
Daquq ; Kirkuk ; gn:90220 ;  ; context
Azaz ; Aleppo ; gn:172082 ;  ; context
Amuda ; Qamishli ; gn:173230 ;  ; context
Douma ; Damascus ; gn:Duma@SY ;  ; context
Ramtha ; Irbid ; gn:250336 ;  ; context
Jahra ; Kuwait City ; gn:285799 ;  ; context
Turaif ; Arar ; gn:101312 ;  ; context
Jubail ; Dhahran ; gn:109435 ;  ; context
Kilis ; Gaziantep ; gn:307864 ;  ; context
Oncupinar ; Kilis ; pg:36.634389,37.085750,https://de.wikiup.org/wiki/Bab_al-Salameh (Turkish side Öncüpınar) ; 5 ; context
Bab al-Hawa ; Reyhanli ; pg:36.230639,36.692639,https://en.wikipedia.org/wiki/Bab_al-Hawa_Border_Crossing ; 5 ; context
Ibrahim Khalil ; Zakho ; pg:37.1447222,42.56556,https://nzt.eth.link/wiki/Ibrahim_Khalil_border.html ; 5 ; context
Euphrates ; Ramadi ; gn:98717 ; 15 ; context ; Ramadi lies on the Euphrates: the river point nearest the route is at Ramadi
Euphrates ; Deir ez-Zor ; gn:170794 ; 15 ; context ; Deir ez-Zor lies on the Euphrates
Tigris ; Baghdad ; gn:98182 ; 25 ; context ; Baghdad lies on the Tigris
Tigris ; Mosul ; gn:99072 ; 20 ; context ; Mosul lies on the Tigris
Lake Habbaniyah ; Ramadi ; lake:Lake Habbaniyah ;  ; context
Lake Tharthar ; Samarra ; lake:Lake Tharthar ;  ; context
Camp Victory ; Baghdad ; ap:ORBI ; 10 ; context ; Victory Base Complex around BIAP: https://en.wikipedia.org/wiki/Camp_Victory
Camp Doha ; Kuwait City ; gn:285787 ; 25 ; context ; Camp Doha lies on a small peninsula on Kuwait Bay west of Kuwait City: https://en.wikipedia.org/wiki/Camp_Doha
Rota ; Seville ; gn:2511700 ; 10 ; context
"""
