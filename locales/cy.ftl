# mwm: testun sefydlog y tudalennau, yn Gymraeg (SPEC 5.2).
# The fixed text of the pages in Welsh. locales/en.ftl holds the same keys in English; a test
# checks both have exactly the same keys and no empty value. The domain terms chosen are
# listed with their English in locales/GLOSSARY.md for a Welsh speaker to review.
# Conventions: a noun after a numeral written in digits stays singular and unmutated
# ("3 prosiect", "12 stori"); people are counted "1 person", "45 o bobl". Sentences are
# written so that no user value (a project, measure, funder or principle name, or the report's
# title) follows a word that would mutate it: "ar y mesur { $measure }", not "ar { $measure }".

## Page frame

skip-link = Neidio i'r cynnwys
breadcrumb-label = Briwsion bara
contents-heading = Ar y dudalen hon
# The name of this language, in this language: the link to these pages from the other one.
language-name = Cymraeg
default-title = Mesur yr hyn sy'n bwysig
crumb-portfolio = Portffolio: { $title }
kicker-portfolio = Portffolio
kicker-project = Briff i'r bwrdd
kicker-funder = Adroddiad i'r cyllidwr
footer = Gwnaed gan mwm { $version } ar { $date } o { $files } ffeil fewnbwn. Ni ddangosir ffigurau am lai na { $min } o bobl. Mae'r tablau y tu ôl i bob rhif yn ffolder data'r adroddiad hwn.
chart-numbers = Y rhifau yn y siart: { $title }

## Numbers, dates and counts

date-long = { $day } { $month } { $year }
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr
quarter-abbr = Ch
total = Cyfanswm
range = { $low } i { $high }
hidden = llai na { $min }
hidden-protect = wedi'i guddio i ddiogelu grŵp bach
reliable-hidden-caption = Newid dibynadwy lle mae rhai cyfrannau wedi'u cuddio (heb eu darlunio: nid yw'r cyfrannau a ddangosir yn adio i 100 mwyach)
count-projects = { $count } prosiect
count-people = { $n ->
    [one] { $count } person
   *[other] { $count } o bobl
    }
count-participants = { $count } cyfranogwr
count-rows = { $count } rhes
count-files = { $count } ffeil fewnbwn
count-quarters = { $count } chwarter
count-effects = { $count } effaith

list-and = a
list-and-vowel = ac
list-and-unmutated = a hefyd
list-more = { $count } arall

## Headline box

at-a-glance = Cipolwg
stat-projects = Prosiectau
stat-participants = Cyfranogwyr
stat-stories = Straeon
note-budget-alone = cyllidebau llawn { $projects } a ariennir gan { $funder } yn unig
note-budget-none = ni chofnodwyd swm gan { $funder }, na chyllideb prosiect a ariennir ganddo yn unig
note-budget-shared = heb eu hadio: cyllidebau { $projects } a rennir â chyllidwyr eraill (ni chofnodwyd cyfraniad pob cyllidwr)
budget-shared = { $budget } (a rennir â chyllidwyr eraill)
note-budget-given = yr hyn a roddodd { $funder } i { $projects }
budget-given = { $budget } ({ $amount } gan { $funder })
budget-given-only = { $amount } gan { $funder }
stat-budget = Cyllideb
stat-cost-per-participant = Cost fesul cyfranogwr
stat-cost-per-improved = Cost fesul person a wellodd yn ddibynadwy
note-with-score = pobl sydd â sgôr canlyniad
note-quotable = gellir dyfynnu { $quotable }
note-budget = cyllideb o { $budget }
note-plus-hidden = ynghyd â { $projects } â { $hidden } yr un
note-participants-hidden = cyfranogwyr: { $hidden }
note-reliably-improved = { $n ->
    [one] { $count } person wedi gwella'n ddibynadwy ar o leiaf un mesur
   *[other] { $count } o bobl wedi gwella'n ddibynadwy ar o leiaf un mesur
    }
note-improved-hidden = pobl a wellodd yn ddibynadwy: { $hidden }
funded-by = Cyllidwyr: { $funders }
project-id = Dynodwr y prosiect: { $id }
funder-subtitle = { $projects } a ariennir yn y portffolio “{ $title }”

findings-lead = Beth newidiodd, fesul mesur, i'r bobl sydd â llinell sylfaen ac asesiad dilynol:
findings-lead-portfolio = Beth newidiodd ar draws pob prosiect, fesul mesur:
stat-followed-up = Asesiad dilynol
note-followed-up = { $pct } o'r { $all } sydd â sgôr; { $baseline_only } â llinell sylfaen yn unig
why-no-scores = dim sgorau canlyniad eto
why-people-hidden = { $hidden }, felly ni ddangosir y nifer
why-no-budget = dim cyllideb wedi'i rhoi
why-participants-hidden = cyfranogwyr: { $hidden }, felly ni ddangosir y gost
why-no-participants = dim cyfranogwyr â sgôr
project-dates = Yn rhedeg o { $start } i { $end }.
project-started = Dechreuodd ar { $start }.
project-ends = Yn dod i ben ar { $end }.
period-all = Cyfnod adrodd: pob dyddiad.
period-between = Cyfnod adrodd: { $from } i { $to }.
period-from = Cyfnod adrodd: o { $from } ymlaen.
period-to = Cyfnod adrodd: hyd at { $to }.

## Change in words: what a reader may conclude (SPEC 4.3 verdict)

# Welsh puts the verb first; a measure's name follows a verb (no mutation) or "y mesur"
# (GLOSSARY conventions). Arguments as in en.ftl.
verdict-words = { $verdict ->
    [deteriorated] gwaethygodd { $measure }: { $way ->
        [up] cododd
       *[down] gostyngodd
        } y cyfartaledd { $points } pwynt, ac mae'r newid go iawn yn debygol o fod rhwng { $near } a { $far } pwynt { $way ->
        [up] i fyny
       *[down] i lawr
        }
    [improved] gwellodd { $measure }: { $way ->
        [up] cododd
       *[down] gostyngodd
        } y cyfartaledd { $points } pwynt, ac mae'r newid go iawn yn debygol o fod rhwng { $near } a { $far } pwynt { $way ->
        [up] i fyny
       *[down] i lawr
        }
    [improved_small] gwellodd { $measure } ychydig: { $way ->
        [up] cododd
       *[down] gostyngodd
        } y cyfartaledd { $points } pwynt (rhwng { $near } a { $far } yn debygol), llai na'r { $mid } pwynt sy'n gwneud gwahaniaeth go iawn i bobl
    [improved_possibly_important] gwellodd { $measure }, efallai ddigon i wneud gwahaniaeth: { $way ->
        [up] cododd
       *[down] gostyngodd
        } y cyfartaledd { $points } pwynt (rhwng { $near } a { $far } yn debygol); { $mid } pwynt yw'r newid lleiaf sy'n gwneud gwahaniaeth go iawn i bobl
    [improved_probably_important] gwellodd { $measure }, ddigon i wneud gwahaniaeth yn ôl pob tebyg: { $way ->
        [up] cododd
       *[down] gostyngodd
        } y cyfartaledd { $points } pwynt (rhwng { $near } a { $far } yn debygol); { $mid } pwynt yw'r newid lleiaf sy'n gwneud gwahaniaeth go iawn i bobl
    [improved_important] gwellodd { $measure } ddigon i wneud gwahaniaeth: { $way ->
        [up] cododd
       *[down] gostyngodd
        } y cyfartaledd { $points } pwynt (rhwng { $near } a { $far } yn debygol), o leiaf y { $mid } pwynt sy'n gwneud gwahaniaeth go iawn i bobl
    [too_few] rhy ychydig o bobl i ddweud sut newidiodd y mesur { $measure } ({ $hidden } â llinell sylfaen ac asesiad dilynol)
    [hidden] y mesur { $measure }: wedi'i guddio i ddiogelu grŵp bach
   *[no_clear_change] dim newid clir ar y mesur { $measure }: { $way ->
        [up] cododd y cyfartaledd { $points } pwynt
        [down] gostyngodd y cyfartaledd { $points } pwynt
       *[none] ni newidiodd y cyfartaledd
        }{ $spread ->
        [yes] , ond gallai'r newid go iawn fod yn unrhyw le rhwng { $low } { $low_way ->
            [up] i fyny
           *[down] i lawr
            } a { $high } { $high_way ->
            [up] i fyny
           *[down] i lawr
            }
       *[no] {""}
        }
    }
reliable-worse = ar y mesur { $measure }, dirywiodd { $pct } o bobl yn ddibynadwy: symudodd eu sgôr i'r cyfeiriad anghywir fwy nag y gall gwall y mesur ei hun ei esbonio
reliable-worse-hidden = ar y mesur { $measure }, dirywiodd rhai pobl yn ddibynadwy ({ $hidden }): symudodd eu sgôr i'r cyfeiriad anghywir fwy nag y gall gwall y mesur ei hun ei esbonio
verdicts-more = { $n ->
    [one] a { $count } mesur arall: gweler Canlyniadau isod
   *[other] a { $count } mesur arall: gweler Canlyniadau isod
    }
measure-lower-better = { $measure } (gorau po isaf)

## Tables: column heads

col-measure = Mesur
col-people = Pobl
col-paired-people = Pobl wedi'u paru
col-baseline = Llinell sylfaen
col-followup = Asesiad dilynol
col-change = Newid
col-ci = Cyfwng hyder 95%
col-better-by = Gwell o
col-effect-size = Maint yr effaith
col-p = p
col-improved = Wedi gwella
col-what-changed = Beth newidiodd
col-people-reliably-improved = Pobl a wellodd yn ddibynadwy
col-reliably-improved = Wedi gwella'n ddibynadwy
col-no-reliable-change = Dim newid dibynadwy
col-reliably-deteriorated = Wedi dirywio'n ddibynadwy
col-meaningful = Gwelliant ystyrlon
col-note = Nodyn
col-principle = Egwyddor
col-stories = Straeon
col-output-measures = Mesurau allbwn
col-outcome-pairs = Parau canlyniad
col-self-audit = Hunanarchwiliad (cyntaf → diweddaraf)
col-step-band = Cam (band)
col-quarter = Chwarter
col-range = Ystod
col-better = Gwell
col-sem = SEM a ddefnyddiwyd
col-source = Ffynhonnell
col-project = Prosiect
col-projects = Prosiectau
col-funder = Cyllidwr
col-organisation = Sefydliad
col-participants = Cyfranogwyr
col-cost-per-participant = Cost fesul cyfranogwr
col-cost-per-improved = Cost fesul person a wellodd yn ddibynadwy
col-budget = Cyllideb
col-value-per-pound = Gwerth cymdeithasol fesul £1
col-project-measure = Prosiect: mesur
col-dz = d_z
col-interval = Cyfwng 95%
col-novelty = Newydd-deb

## Outputs

outputs-heading = Allbynnau: y gweithgarwch a gyflawnwyd
outputs-none = Ni chofnodwyd unrhyw allbynnau.
outputs-desc = { $measure }: { $total } i gyd dros { $quarters }, a'r uchaf yn { $peak } ({ $peak_value }).
outputs-desc-total = { $measure }: { $total } i gyd.
outputs-chart-title = { $measure } fesul chwarter
outputs-table-caption = Y rhifau yn y siartiau: allbynnau fesul chwarter
outputs-by-project-heading = Allbynnau fesul prosiect
outputs-by-project-intro = Cyfanswm yr allbynnau dros y cyfnod cyfan ar gyfer y gweithgareddau y mae'r rhan fwyaf o brosiectau'n eu cofnodi; mae allbynnau pob prosiect fesul chwarter ar ei dudalen ei hun ac yn data/outputs_summary.csv.
outputs-by-project-desc = { $measure }: { $n_projects ->
    [one] dim ond { $top } sy'n cofnodi hyn ({ $value })
   *[other] mae { $projects } yn cofnodi hyn; { $top } a gyflawnodd fwyaf ({ $value }{ $n_top ->
        [one] {""}
       *[other] {" "}yr un
    })
    }.
outputs-by-project-title = { $measure } fesul prosiect

## Outcomes

outcomes-heading = Canlyniadau: newid o'r llinell sylfaen i'r asesiad dilynol
outcomes-none = Ni roddwyd unrhyw sgorau canlyniad.
outcomes-intro = Sgôr gynharaf pob person yw'r llinell sylfaen, a'r sgôr ddiweddaraf yw'r asesiad dilynol; dim ond pobl sydd â'r ddau (pobl wedi'u paru) sy'n cael eu cyfrif. Mae'r siart yn dangos newid cyfartalog pob mesur, wedi'i droi fel bod y dde yn well: y dot yw'r cyfartaledd, a'r bar yw'r ystod y mae'r newid go iawn yn debygol o fod ynddi (y cyfwng 95%). Pan fo'r bar yn croesi 0, ni allwn ddweud bod y mesur wedi newid. Mae llinell doredig yn dangos y newid lleiaf sy'n bwysig i bobl, lle mae gan fesur un. Mae mesurau â llai na { $indicative } o bobl wedi'u paru yn ddangosol yn unig: gallai ychydig mwy o bobl newid eu ffigurau'n fawr.
outcomes-chart-title = Newid ar bob mesur, wedi'i droi fel bod y dde yn well
outcomes-all-heading = Holl ffigurau'r canlyniadau
outcomes-table-caption = Ffigurau canlyniad fesul mesur (maint yr effaith yw d_z Cohen: mae gwerth positif yn golygu gwelliant)
indicative-only = dangosol yn unig
reliable-heading = Newid dibynadwy
reliable-chart-title = Newid dibynadwy fesul mesur
reliable-desc = ar y mesur { $measure }, gwellodd { $improved } o bobl yn ddibynadwy, ni ddangosodd { $same } newid dibynadwy a dirywiodd { $worse } yn ddibynadwy
reliable-improved = wedi gwella'n ddibynadwy
reliable-none = dim newid dibynadwy
reliable-deteriorated = wedi dirywio'n ddibynadwy
forest-heading = Canlyniadau ar draws y prosiectau
forest-intro = Meintiau effaith (d_z Cohen) gyda'u cyfyngau 95%, un siart i bob mesur, y mwyaf yn gyntaf: mae gwerth positif yn golygu bod pobl wedi gwella, pa gyfeiriad bynnag y mae'r mesur yn ei gyfrif yn well. Cymherir meintiau effaith o fewn mesur yn unig: nid yw cwestiwn cartref a graddfa ddilysedig ar yr un sail. Enwir o dan bob siart y prosiectau sydd â rhy ychydig o bobl.
forest-chart-title-measure = Meintiau effaith ar { $measure }, fesul prosiect
forest-not-shown = Nid yn y siart: { $projects }.
forest-no-effect = dim maint effaith
capped-ends = Mae'r siart a'r tabl yn dangos y { $half } mwyaf a'r { $half } lleiaf o'r { $total }, y mwyaf yn gyntaf; mae'r { $between } rhyngddynt, a phob un, yn data/{ $table }.
forest-none = Nid oes gan unrhyw brosiect ddigon o sgorau canlyniad wedi'u paru i gyfrifo maint effaith.
forest-desc = Mae gan { $above } o'r { $effects } gyfwng sy'n gyfan gwbl uwchlaw sero (gwelliant clir). { $n_largest ->
    [one] Yr effaith fwyaf yw { $largest } (d_z { $estimate }, cyfwng 95% { $low } i { $high }).
   *[other] Yr effeithiau mwyaf, d_z { $estimate } yr un, yw { $largest }.
    }
project-measure = { $project }: { $measure }
all-projects = Pob prosiect

## Principles and evidence

principles-heading = Egwyddorion cydgynhyrchu
principles-intro = Tystiolaeth ar gyfer pob egwyddor: mesurau allbwn sydd wedi'u tagio â hi, sgorau canlyniad wedi'u paru ar fesurau sydd wedi'u tagio â hi, straeon sydd wedi'u tagio â hi, a'r sgôr hunanarchwilio ddiweddaraf (1 i 5).
principles-desc = O'r { $stories } stori, cafodd y rhan fwyaf eu tagio â'r { $n_principle ->
    [one] egwyddor
   *[other] egwyddorion
    } { $principle } ({ $most }{ $n_principle ->
    [one] {""}
   *[other] {" "}yr un
    }){ $rest ->
    [yes] {"; "}{ $others }
   *[no] {""}
    }.
principles-none = Ni chafodd unrhyw stori ei thagio ag egwyddor.
principles-chart-title = Straeon fesul egwyddor
stories-quotable = { $stories } ({ $quotable } i'w dyfynnu)
evidence-caption = Tystiolaeth fesul egwyddor
evidence-heading = Tystiolaeth ar gyfer pob egwyddor
evidence-intro = Pa mor gryf yw tystiolaeth pob prosiect ar gyfer pob egwyddor, o'r mesurau, y gweithgarwch, y straeon a'r hunanarchwiliadau sydd wedi'u tagio â hi. Mae'r lefel gryfaf yn gofyn am fesur wedi'i dagio â'r egwyddor lle cafodd { $indicative } neu fwy o bobl sgôr cyn ac ar ôl; mae newid a fesurwyd ar lai o bobl yn wannach, ac mae gweithgarwch, straeon neu hunanarchwiliad ar eu pen eu hunain yn dweud beth a wnaed, nid beth a newidiodd.
evidence-desc = Mae gan { $full } o'r { $cells } cell prosiect-egwyddor newid wedi'i fesur ar { $indicative } neu fwy o bobl.
evidence-most = { $n_strongest ->
    [one] Yr egwyddor { $strongest } sydd
   *[other] Yr egwyddorion { $strongest } sydd
    } â'r mwyaf o gelloedd o'r fath ar draws y prosiectau; { $n_weakest ->
    [one] yr egwyddor { $weakest } sydd
   *[other] yr egwyddorion { $weakest } sydd
    } â'r lleiaf.
evidence-even = Mae gan bob egwyddor yr un dystiolaeth ar draws y prosiectau.
evidence-chart-title = Cryfder y dystiolaeth fesul prosiect ac egwyddor
evidence-level-0 = dim
evidence-level-1 = gweithgarwch, straeon neu hunanarchwiliad yn unig
evidence-level-2 = newid wedi'i fesur ar lai na { $indicative } o bobl, neu mewn ffigurau a guddiwyd i ddiogelu grŵp bach
evidence-level-3 = newid wedi'i fesur ar { $indicative } neu fwy o bobl
evidence-summary-caption = Prosiectau ar bob lefel o dystiolaeth, fesul egwyddor ({ $projects })
## Spectrum of engagement (SPEC 1.2)

spectrum-heading = Sbectrwm ymgysylltu
spectrum-intro = Ble mae'r straeon yn gosod y gwaith ar y sbectrwm: o wneud i bobl, drwy wneud dros bobl, i wneud gyda phobl. Mae stori sydd wedi'i thagio â band yn unig yn cyfrif yn y band hwnnw yn unig.
spectrum-none = Ni osodwyd unrhyw stori ar y sbectrwm.
spectrum-desc = O'r { $stories } stori a osodwyd ar y sbectrwm: { $doing_with } ‘gwneud gyda phobl’, { $doing_for } ‘gwneud dros bobl’ a { $doing_to } ‘gwneud i bobl’.
spectrum-chart-title = Straeon fesul cam ar y sbectrwm ymgysylltu
step-1 = 1 gorfodaeth, amddiffyn
step-2 = 2 addysg, perswâd
step-3 = 3 gwybodaeth
step-4 = 4 ymgynghori
step-5 = 5 cyfranogiad
step-6 = 6 cydgynhyrchu
step-with-band = { $step } ({ $band })
band-doing-to = gwneud i bobl
band-doing-for = gwneud dros bobl
band-doing-with = gwneud gyda phobl
band-all = Cyfanswm “{ $band }” (camau a band yn unig)

## Personal outcomes

stories-heading = Canlyniadau personol
stories-summary = Casglwyd { $stories } stori; gellir dyfynnu { $quotable }. Cyflawnwyd yr hyn a oedd yn bwysig i'r person mewn { $achieved }, fe'i cyflawnwyd yn rhannol mewn { $partly } ac nid yw wedi'i gyflawni eto mewn { $not_yet }.
stories-intro = Dim ond straeon y cytunodd yr adroddwr iddynt gael eu dyfynnu a ddangosir, a hynny heb gyfeiriadau e-bost, rhifau ffôn, codau post na'r enwau a restrwyd. Dewisir hyd at bump: y rhai a gyflawnwyd yn gyntaf, yna'r rhai a gyflawnwyd yn rhannol, yna'r gweddill, gyda'r diweddaraf yn gyntaf ym mhob grŵp. Dangosir pob un yn yr iaith yr adroddwyd hi ynddi.
stories-none-quotable = Ni ellir dyfynnu unrhyw stori gan y prosiect hwn.
teller-citizen = Adroddwyd gan gyfranogwr
teller-carer = Adroddwyd gan ofalwr
teller-family = Adroddwyd gan aelod o'r teulu
teller-professional = Adroddwyd gan weithiwr proffesiynol
teller-volunteer = Adroddwyd gan wirfoddolwr
teller-community = Adroddwyd gan aelod o'r gymuned
teller-other = Adroddwyd gan rywun sy'n rhan o'r gwaith
told-in-welsh = adroddwyd yn Gymraeg
told-in-english = adroddwyd yn Saesneg
what-mattered = yr hyn a oedd yn bwysig:
# What replaces an e-mail address, phone number, postcode or listed name in a quoted story
# (in the story's language).
redacted = {"["}wedi'i dynnu]
achieved-yes = wedi'i gyflawni
achieved-partly = wedi'i gyflawni'n rhannol
achieved-not-yet = heb ei gyflawni eto

## Value for money

value-heading = Gwerth am arian
value-no-budget = Ni roddwyd cyllideb ar gyfer y prosiect hwn, felly nid oes modd cyfrifo'r costau fesul person.
value-note = Mae'r costau'n rhannu'r gyllideb gyfan â nifer y bobl; nid ydynt yn gwahanu'r hyn a brynodd y gyllideb y tu hwnt i'r bobl a fesurwyd.
value-caption = Cyllideb a chost fesul person

## Portfolio and funders

projects-heading = Prosiectau
look-at-heading = I edrych arnynt
look-at-intro = Prosiectau lle gwaethygodd mesur, heb sgoriau canlyniad, neu â thystiolaeth denau: dim mesur ag o leiaf { $indicative } o bobl sydd â sgôr sylfaen a sgôr ddilynol.
look-at-caption = Prosiectau i edrych arnynt yn gyntaf, a pham
look-at-worse = gwaethygodd { $measure }
look-at-no-outcomes = dim sgoriau canlyniad
look-at-thin = tystiolaeth denau: llai na { $indicative } o bobl mewn parau ar bob mesur
look-at-none = Nid oes gan unrhyw brosiect fesur a waethygodd, ac mae gan bob prosiect fesur â digon o bobl mewn parau.
col-why = Pam
projects-caption = Prosiectau: beth newidiodd ar bob mesur, pobl a ddilynwyd, cryfder y dystiolaeth, cost a gwerth cymdeithasol
col-followed-up = Pobl a ddilynwyd
col-strength = Cryfder y dystiolaeth
col-improved-projects = Gwellodd
col-no-clear-change = Dim newid clir
col-worse = Gwaethygodd
col-too-few = Rhy ychydig o bobl
col-hidden-rows = Wedi'u cuddio
followed-of = { $paired } o { $all } ({ $share })
strength-good = da
strength-fair = gweddol
strength-thin = tenau
strength-none = dim: dim sgoriau canlyniad
strength-hidden = anhysbys (cudd)
hidden-short = cudd
strength-rule = Pa mor gryf yw tystiolaeth pob prosiect: da pan fo gan o leiaf un mesur { $indicative } neu fwy o bobl â sgôr cyn ac ar ôl, a phan ddilynwyd o leiaf { $share } o'r bobl a sgoriwyd; gweddol pan fo gan fesur { $indicative } neu fwy o bobl o'r fath ond y dilynwyd llai; tenau pan nad oes gan unrhyw fesur { $indicative }. Mae'r sgôr yn dweud i ba raddau y gellir ymddiried yn ffigurau'r prosiect, nid pa mor dda y gwnaeth.
projects-dash = Mae llinell doriad yn golygu nad oes dim i'w ddangos: dim cyllideb, dim sgoriau canlyniad, neu ddim mesur â throthwy newid dibynadwy (nid oes gan gwestiynau'r ONS un, felly ni chyfrifir neb fel rhywun a wellodd yn ddibynadwy arnynt, ac ni ellir cyfrifo cost fesul person a wellodd yn ddibynadwy). Mae “cudd” yn golygu wedi'i guddio i ddiogelu grŵp bach.
by-measure-heading = Pob mesur ar draws y prosiectau
by-measure-intro = Faint o brosiectau sy'n defnyddio pob mesur, a beth mae eu dyfarniadau'n ei ddweud. Cymherir newidiadau a meintiau effaith o fewn mesur yn unig, byth ar draws mesurau.
by-measure-caption = Prosiectau fesul mesur a dyfarniad
by-measure-none = Nid oes gan unrhyw brosiect sgoriau canlyniad.
funders-heading = Cyllidwyr
funders-caption = Cyllidwyr a'r prosiectau y maent yn eu hariannu
capped = Mae'r siart a'r tabl yn dangos y { $shown } cyntaf o { $total }, yn nhrefn y prosiectau; mae pob un yn data/{ $table }.
novelty-heading = Newydd-deb a chanlyniadau
novelty-intro = Pa mor newydd yw dull pob prosiect (1: rydym i gyd yn gwybod sut i wneud hyn, hyd at 6: nid oes neb wedi gwneud hyn o'r blaen) o'i gymharu â chyfran y bobl a wellodd yn ddibynadwy (o fwy na lwfans gwall y mesur ei hun), ar gyfartaledd dros fesurau'r prosiect sydd â throthwy newid dibynadwy.
novelty-desc = { $n_most ->
    [one] Yn y prosiect mwyaf newydd, { $most } (newydd-deb { $most_novelty }), gwellodd { $most_pct } o bobl yn ddibynadwy
   *[other] Yn y prosiectau mwyaf newydd, { $most } (newydd-deb { $most_novelty }), gwellodd { $most_pct } o bobl yn ddibynadwy ar gyfartaledd
    }; { $n_least ->
    [one] yn y lleiaf newydd, { $least } (newydd-deb { $least_novelty }), gwellodd { $least_pct } yn ddibynadwy
   *[other] yn y lleiaf newydd, { $least } (newydd-deb { $least_novelty }), gwellodd { $least_pct } yn ddibynadwy ar gyfartaledd
    }.
novelty-desc-same = Mae gan bob prosiect a ddangosir newydd-deb { $novelty }; ar gyfartaledd gwellodd { $pct } o bobl yn ddibynadwy.
novelty-chart-title = Prosiectau yn ôl newydd-deb a'r gyfran a wellodd yn ddibynadwy
novelty-y-axis = % a wellodd yn ddibynadwy
novelty-left-out = Heb eu dangos (dim mesur â throthwy newid dibynadwy, neu ei gyfran wedi'i chuddio i ddiogelu grŵp bach): { $projects }.
novelty-mean = cymedr y lefel
novelty-simple = syml
novelty-complicated = cymhlethedig
novelty-complex = cymhleth

## Charts

chart-mean-change = newid cyfartalog
chart-likely-range = cyfwng 95% (ystod debygol)
chart-mid = y newid lleiaf sy'n bwysig
chart-worse = ← gwaeth
chart-change-points = newid mewn pwyntiau
chart-better = gwell →
change-chart-label = { $measure }: { $change } ({ $low } i { $high })
change-chart-label-one = { $measure }: { $change }
chart-effect-axis = ← gwaeth    maint yr effaith (d_z)    gwell →
chart-interval = cyfwng 95%
chart-kinds-of-evidence = cryfder y dystiolaeth:
chart-novelty-axis = newydd-deb (1 = rydym i gyd yn gwybod sut i wneud hyn, 6 = nid oes neb wedi gwneud hyn o'r blaen)

## Data quality

quality-heading = Ansawdd y data
quality-ledger = O'r { $rows } a ddarllenwyd o { $files } ar gyfer yr adroddiad hwn (ei holl brosiectau), defnyddiwyd { $used }, gadawyd { $excluded } allan oherwydd problem, { $n_duplicates ->
    [one] roedd { $duplicates } yn union yr un fath â rhes arall (wedi'i chyfrif unwaith)
   *[other] roedd { $duplicates } yn union yr un fath â rhesi eraill (wedi'u cyfrif unwaith)
    } ac roedd { $blank } yn wag.
quality-outside-period = { $n ->
    [one] Mae { $count } rhes â dyddiad y tu allan i'r cyfnod adrodd, ac nid yw'n cael ei chyfrif.
   *[other] Mae { $count } rhes â dyddiad y tu allan i'r cyfnod adrodd, ac nid ydynt yn cael eu cyfrif.
    }
quality-undated = { $n ->
    [one] Nid oes dyddiad i { $count } sgôr
   *[other] Nid oes dyddiad i { $count } sgôr
    } (o daflenni ag un rhes i bob person heb ddyddiadau i'r tonnau): fe'u rhoddir mewn trefn yn ôl y don o fewn rhes pob person, nid ydynt yn perthyn i unrhyw chwarter, ac maent yn cyfrif ym mhob cyfnod adrodd.
quality-left-out-heading = Rhesi a adawyd allan
quality-left-out-of-project-heading = Rhesi o'r prosiect hwn a adawyd allan
quality-none-of-project = Ni adawyd unrhyw res o'r prosiect hwn allan.
quality-others = { $n ->
    [one] Mae { $count } rhes a adawyd allan yn perthyn i brosiect arall neu i ddim un prosiect
   *[other] Mae { $count } rhes a adawyd allan yn perthyn i brosiectau eraill neu i ddim un prosiect
    }: mae tudalen y portffolio a data/excluded_rows.csv yn rhestru pob rhes a adawyd allan.
quality-more = … a { $count } arall, a restrir i gyd yn data/excluded_rows.csv.

## Method

method-heading = Dull
method-outputs = Caiff allbynnau eu hadio fesul chwarter (blynyddoedd ariannol Ebrill i Fawrth, oni bai bod chwarteri calendr wedi'u dewis) ac ar gyfer y cyfnod cyfan.
method-pairing = Canlyniadau: ar gyfer pob prosiect, mesur a pherson, y sgôr gynharaf yw'r llinell sylfaen a'r ddiweddaraf yw'r asesiad dilynol; mae pobl sydd â sgôr ar un dyddiad yn unig yn cyfrif fel llinell sylfaen yn unig. Caiff cyfansymiau crai SWEMWBS eu trosi'n sgorau metrig yn gyntaf.
method-statistics = Mae gan y newid cymedrig gyfwng hyder 95% o'r dosraniad t; daw p o brawf t pâr dwy ochr. Maint yr effaith yw d_z Cohen (y newid cymedrig wedi'i rannu â gwyriad safonol y newidiadau, gydag arwydd fel bod gwerth positif yn golygu gwelliant), gyda chyfwng 95% bras.
method-reliable = Newid dibynadwy (Jacobson a Truax): mae person wedi gwella'n ddibynadwy pan fo'r newid yn y cyfeiriad gwell yn fwy na 1.96 × √2 × gwall safonol mesur (SEM) y mesur; SEM y mesur ei hun yw hwn, neu sd × √(1 − dibynadwyedd). Mae “wedi gwella” yn golygu unrhyw newid yn y cyfeiriad gwell; mae gwelliant ystyrlon yn golygu o leiaf y gwahaniaeth pwysig lleiaf ar gyfer y mesur.
method-worth = Gwerth cymdeithasol (WELLBY): ar gyfer mesur sydd â ffactor i fodlonrwydd â bywyd (1 yw bodlonrwydd â bywyd yr ONS), WELLBY yw'r newid cyfartalog yn y cyfeiriad gwell wedi'i luosi â'r ffactor hwnnw, y bobl wedi'u paru, y blynyddoedd y cymerir i'r newid bara, ac un llai pwysau marw a phriodoli; ei werth yw hynny wedi'i luosi â £13,000 yn ddiofyn (ystod £10,000 i £16,000, prisiau 2019), fel y mae canllawiau atodol Llyfr Gwyrdd Trysorlys y DU ar lesiant (2021) yn ei roi. Daw'r ystod o ddau ben cyfwng 95% y newid ac o'r gwerth. Ni chaiff gwerthoedd eu disgowntio, ac ni chaiff dau fesur un prosiect fyth eu hadio.
method-references = Gwerthoedd cyfeirio: caiff mesurau'r ONS eu gosod wrth ymyl cymedrau'r DU ar gyfer y flwyddyn yn diweddu Mawrth 2023 (SYG, Llesiant personol yn y DU: bodlonrwydd â bywyd 7.45, teimlo bod bywyd yn werth chweil 7.73, hapusrwydd 7.39, gorbryder 3.23) a bandiau'r SYG, a'r gwaethaf yw sgôr o dan 5 (uwchben 5 ar gyfer gorbryder). Mae cyfeirnod yn disgrifio poblogaeth; nid grŵp cymharu ydyw.
method-small-numbers = Niferoedd bach: ni ddangosir dim am lai na { $min } o bobl, na dim y gellid ei weithio allan ohono. Ni ddangosir rhes mesur ar gyfer prosiect â llai na { $min } o bobl wedi'u paru; ni ddangosir cyfran sy'n cyfrif llai na { $min } o bobl ("llai na { $min }"); a chan fod y tair cyfran newid dibynadwy yn adio i 100, a rhes ALL pob mesur yn adio ei brosiectau, caiff un ffigur arall ei guddio lle gellid fel arall weithio'r un cudd allan drwy dynnu ("wedi'i guddio i ddiogelu grŵp bach"). Yna mae mwm yn ceisio gweithio ffigurau cudd allan o bopeth y mae'n ei ddangos, fel y gwnâi darllenydd, ac yn cuddio un ffigur arall lle gellid. Caiff yr un ffigur ei guddio ar bob tudalen ac ym mhob tabl. Caiff mesurau â llai na { $indicative } o bobl wedi'u paru eu nodi'n ddangosol yn unig.
method-costs = Y gost fesul cyfranogwr yw'r gyllideb wedi'i rhannu â nifer y bobl sydd ag unrhyw sgôr canlyniad; mae'r gost fesul gwelliant dibynadwy yn ei rhannu â nifer y bobl a wellodd yn ddibynadwy ar o leiaf un mesur.
measures-caption = Y mesurau a ddefnyddiwyd ac o ble y daw eu cysonion
better-higher = uwch
better-lower = is
sem-none = dim

## Plain words: what the figures mean (beside a table, and the glossary closing a page)

reliable-intro = Mae person wedi gwella'n ddibynadwy, neu wedi dirywio'n ddibynadwy, pan fo'i sgôr wedi newid fwy nag y gallai gwall mesur y mesur ei hun ei esbonio; nid yw pawb arall yn dangos newid dibynadwy. Nid oes newid dibynadwy ar gyfer mesurau heb wall mesur cyhoeddedig (fel cwestiynau'r ONS).
means-paired = pobl sydd â llinell sylfaen ac asesiad dilynol ar y mesur hwn.
means-effect-size = d_z Cohen: y newid cyfartalog wedi'i rannu â faint yr amrywiodd newidiadau pobl, yn bositif pan wellodd pobl. Mae tua 0.2 yn fach, 0.5 yn ganolig a 0.8 yn fawr; mae'n cymharu o fewn mesur yn unig.
means-p = pa mor debygol fyddai newid mor fawr â hyn pe na bai dim wedi newid mewn gwirionedd (prawf t pâr); fel arfer gelwir gwerth o dan 0.05 yn arwyddocaol. Nid yw'n dweud dim am faint neu bwysigrwydd y newid.
means-improved = pobl y symudodd eu sgôr i'r cyfeiriad gwell o gwbl, ni waeth pa mor fach.
means-reliably-improved = pobl y symudodd eu sgôr i'r cyfeiriad gwell fwy nag y gallai gwall mesur ei esbonio.
means-meaningful = pobl a wellodd o leiaf y newid lleiaf sy'n bwysig ar gyfer y mesur hwn.
means-indicative = mae "dangosol yn unig" yn nodi mesur â llai na { $indicative } o bobl wedi'u paru: gallai ychydig mwy o bobl newid ei ffigurau'n fawr.
glossary-heading = Geiriau a ddefnyddir ar y dudalen hon
term-baseline = Llinell sylfaen ac asesiad dilynol
meaning-baseline = Sgôr gynharaf person ar fesur yw ei linell sylfaen; ei sgôr ddiweddaraf yw ei asesiad dilynol.
term-paired = Pobl wedi'u paru
meaning-paired = Pobl sydd â llinell sylfaen ac asesiad dilynol ar fesur. Dim ond nhw sy'n cyfrif yn y newid; caiff pobl â llinell sylfaen yn unig eu cyfrif ar wahân.
term-average-change = Newid cyfartalog
meaning-average-change = Cymedr asesiad dilynol pob person wedi'i baru llai ei linell sylfaen, ym mhwyntiau'r mesur ei hun.
term-interval = Cyfwng 95% (cyfwng hyder 95%)
meaning-interval = Yr ystod y mae'r newid cyfartalog go iawn yn debygol o fod ynddi, o ystyried cyn lleied o bobl a fesurwyd a faint yr oeddent yn amrywio. Gallwn fod yn 95% hyderus bod y newid go iawn y tu mewn iddi.
term-no-clear-change = Dim newid clir
meaning-no-clear-change = Mae'r cyfwng yn cynnwys dim newid o gwbl, felly ni all y ffigurau ddweud a aeth y mesur i fyny neu i lawr, beth bynnag a wnaeth y cyfartaledd.
term-mid = Y newid lleiaf sy'n bwysig
meaning-mid = Y gwahaniaeth pwysig lleiaf: y newid lleiaf ym mhwyntiau mesur y mae pobl yn sylwi arno fel gwahaniaeth go iawn yn eu bywydau, o ymchwil gyhoeddedig y mesur.
term-reliable = Newid dibynadwy
meaning-reliable = Newid yn sgôr un person sy'n fwy nag y gallai gwall mesur y mesur ei esbonio (Jacobson a Truax).
term-effect-size = Maint yr effaith (d_z)
meaning-effect-size = Y newid cyfartalog wedi'i rannu â faint yr amrywiodd newidiadau pobl. Mae'n cymharu prosiectau ar un mesur, byth ar draws mesurau.
term-p = Gwerth p
meaning-p = Pa mor debygol fyddai newid o leiaf mor fawr â hyn pe na bai dim wedi newid mewn gwirionedd. Mae gwerthoedd bach yn golygu nad yw'r newid yn debygol o fod yn siawns, nid ei fod yn fawr.
term-indicative = Dangosol yn unig
meaning-indicative = Ffigurau gan lai na { $indicative } o bobl wedi'u paru: darllenwch nhw fel arwydd cyntaf, nid canlyniad cadarn.
term-hidden = "{ $hidden }"
meaning-hidden = Ni ddangosir ffigurau am lai na { $min } o bobl, fel na ellir adnabod neb; caiff ffigur a fyddai'n gadael i ddarllenydd weithio un allan ei guddio hefyd.

## The project's own words (narrative)

translation = Cyfieithiad:
narrative-heading = Yng ngeiriau'r prosiect ei hun
narrative-about = Am y prosiect
narrative-what-we-did = Beth wnaethom
narrative-difference = Y gwahaniaeth a wnaed
narrative-challenges = Heriau
narrative-learning = Dysgu
narrative-next-steps = Camau nesaf
narrative-project-heading = { $project }: { $heading }
narrative-in-welsh = Wedi'i ysgrifennu yn Gymraeg:
narrative-in-english = Wedi'i ysgrifennu yn Saesneg:

## What a change is worth (SPEC 4.9) and reference values (SPEC 4.10)

worth-heading = Gwerth y newid
worth-improved = Cododd y mesur { $measure } { $wellbys } WELLBY ymhlith { $people }: tua { $value } o werth cymdeithasol, ac unrhyw le rhwng { $low } a { $high } o ystyried ansicrwydd y newid a gwerth WELLBY.
worth-unclear = Gallai'r newid ar y mesur { $measure } fod yn werth unrhyw beth rhwng { $low } a { $high } (gallai fod yn ddim, neu'n golled), o ystyried ansicrwydd y newid a gwerth WELLBY; byddai'r newid cyfartalog ar ei ben ei hun yn { $value } ({ $wellbys } WELLBY ymhlith { $people }).
worth-none = Ni ddangosir y gwerth cymdeithasol ar y mesur { $measure }: { $why }.
worth-per-pound = Mae hynny'n { $per_pound } o werth am bob £1 o'r gyllideb o { $budget }, ar y gwerth canolog.
worth-gross = Mae WELLBY yn un pwynt o fodlonrwydd â bywyd (0 i 10) i un person am flwyddyn, gwerth { $value } (ystod { $low } i { $high }) ym mhrisiau { $year }, fel y mae canllawiau llesiant Llyfr Gwyrdd Trysorlys y DU (2021) yn ei gynghori; cymerir bod y newid yn para { $years } blwyddyn ac ni chaiff ei ddisgowntio. Dyma'r gwerth gros: nid yw'n tynnu'r hyn a fyddai wedi digwydd beth bynnag (pwysau marw) na'r hyn a wnaeth eraill (priodoli).
worth-net = Mae WELLBY yn un pwynt o fodlonrwydd â bywyd (0 i 10) i un person am flwyddyn, gwerth { $value } (ystod { $low } i { $high }) ym mhrisiau { $year }, fel y mae canllawiau llesiant Llyfr Gwyrdd Trysorlys y DU (2021) yn ei gynghori; cymerir bod y newid yn para { $years } blwyddyn, heb ei ddisgowntio, llai { $deadweight } a fyddai wedi digwydd beth bynnag (pwysau marw) a { $attribution } sy'n ddyledus i eraill (priodoli).
reference-ons-label = oedolion y DU, blwyddyn yn diweddu Mawrth 2023
reference-ons-source = SYG, Llesiant personol yn y DU, Ebrill 2022 i Fawrth 2023
reference-heading = O ble y dechreuodd pobl
reference-mean = Ar y mesur { $measure }, dechreuodd pobl ar { $baseline } ar gyfartaledd a gorffen ar { $followup }; y cyfeirnod yw { $reference } ({ $label }; { $source }).
reference-band = Y mesur { $measure }, pobl yn y band gwaethaf ({ $band }): { $baseline } ar y llinell sylfaen, { $followup } yn yr asesiad dilynol.
band-below = o dan { $bound }
band-above = uwchben { $bound }
reference-caveat = Mae cyfeirnod yn disgrifio poblogaeth, nid grŵp cymharu: mae'n dangos o ble y dechreuodd pobl, nid beth y byddai'r prosiect wedi'i gyflawni hebddynt.
col-social-value = Gwerth cymdeithasol

## This period against a comparison period (SPEC 4.11)

compare-heading = Y cyfnod hwn o'i gymharu â { $before }
compare-intro = Daw pob ffigur ar gyfer { $now } ac ar gyfer { $before } o'r un ffeiliau yn ôl yr un rheolau; caiff grwpiau bach eu diogelu ym mhob cyfnod ar ei ben ei hun.
compare-outputs = { $measure }: { $before }: { $then }; { $now }: { $current }
compare-outputs-title = Allbynnau i gyd, { $before } a'r cyfnod hwn
compare-verdicts-caption = Beth newidiodd ar bob mesur yn { $before } ac yn y cyfnod hwn
compare-audit-caption = Sgôr ddiweddaraf yr hunanarchwiliad ar gyfer pob egwyddor yn { $before } ac yn y cyfnod hwn
compare-findings = Yn { $before }: { $verdicts }.
compare-beside = {" "}({ $before }: { $value })
col-total = Cyfanswm
verdict-short-deteriorated = gwaethygodd
verdict-short-no_clear_change = dim newid clir
verdict-short-improved = gwellodd
verdict-short-improved_small = gwellodd ychydig
verdict-short-improved_possibly_important = gwellodd, efallai ddigon i wneud gwahaniaeth
verdict-short-improved_probably_important = gwellodd, ddigon i wneud gwahaniaeth yn ôl pob tebyg
verdict-short-improved_important = gwellodd ddigon i wneud gwahaniaeth
verdict-short-too_few = rhy ychydig o bobl
verdict-short-hidden = wedi'i guddio i ddiogelu grŵp bach
verdict-short-none = heb ei fesur
