# mwm: the fixed text of the pages, in English (SPEC 5.2).
# locales/cy.ftl holds the same keys in Welsh; a test checks both have exactly the same keys
# and no empty value. Numbers arrive formatted ($count, $budget, ...); a count used for a
# plural choice also arrives as a number ($n, $n_used, ...). Plural categories follow CLDR:
# English has one and other.

## Page frame

skip-link = Skip to the content
breadcrumb-label = Breadcrumb
contents-heading = On this page
# The name of this language, in this language: the link to these pages from the other one.
language-name = English
default-title = Measuring what matters
crumb-portfolio = Portfolio: { $title }
kicker-portfolio = Portfolio
kicker-project = Board briefing
kicker-funder = Funder report
footer = Made by mwm { $version } on { $date } from { $n_files ->
    [one] { $files } input file
   *[other] { $files } input files
    }. Figures about fewer than { $min } people are not shown. The tables behind every number are in the data folder of this report.
chart-numbers = The numbers in the chart: { $title }

## Numbers, dates and counts

date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
quarter-abbr = Q
total = Total
range = { $low } to { $high }
hidden = fewer than { $min }
hidden-protect = hidden to protect a small group
reliable-hidden-caption = Reliable change where some shares are hidden (not drawn: the shares shown no longer add to 100)
count-projects = { $n ->
    [one] { $count } project
   *[other] { $count } projects
    }
count-people = { $n ->
    [one] { $count } person
   *[other] { $count } people
    }
count-participants = { $n ->
    [one] { $count } participant
   *[other] { $count } participants
    }
count-rows = { $n ->
    [one] { $count } row
   *[other] { $count } rows
    }
count-files = { $n ->
    [one] { $count } input file
   *[other] { $count } input files
    }
count-quarters = { $n ->
    [one] { $count } quarter
   *[other] { $count } quarters
    }
count-effects = { $n ->
    [one] { $count } effect
   *[other] { $count } effects
    }

list-and = and
list-and-vowel = and
list-and-unmutated = and
list-more = { $count } more

## Headline box

at-a-glance = At a glance
stat-projects = Projects
stat-participants = Participants
stat-stories = Stories
note-budget-alone = the whole budgets of { $projects } funded by { $funder } alone
note-budget-none = no amount from { $funder }, and no budget of a project it funds alone, is recorded
note-budget-shared = not added: the budgets of { $projects } shared with other funders (what each funder gave is not recorded)
budget-shared = { $budget } (shared with other funders)
note-budget-given = what { $funder } gave to { $projects }
budget-given = { $budget } ({ $amount } from { $funder })
budget-given-only = { $amount } from { $funder }
stat-budget = Budget
stat-cost-per-participant = Cost per participant
stat-cost-per-improved = Cost per person reliably improved
note-with-score = people with an outcome score
note-quotable = { $quotable } may be quoted
note-budget = budget { $budget }
note-plus-hidden = plus { $projects } with { $hidden }
note-participants-hidden = participants: { $hidden }
note-reliably-improved = { $n ->
    [one] { $count } person reliably improved on at least one measure
   *[other] { $count } people reliably improved on at least one measure
    }
note-improved-hidden = people reliably improved: { $hidden }
funded-by = Funded by { $funders }
project-id = Project id { $id }
funder-subtitle = { $projects } funded in { $title }

findings-lead = What changed, measure by measure, for the people with a baseline and a follow-up:
findings-lead-portfolio = What changed across all projects, measure by measure:
stat-followed-up = Followed up
note-followed-up = { $pct } of the { $all } with a score; { $baseline_only } had only a baseline
why-no-scores = no outcome scores yet
why-people-hidden = { $hidden }, so the number is not shown
why-no-budget = no budget given
why-participants-hidden = participants: { $hidden }, so the cost is not shown
why-no-participants = no participants with a score
project-dates = Runs from { $start } to { $end }.
project-started = Started on { $start }.
project-ends = Ends on { $end }.
period-all = Reporting period: all dates.
period-between = Reporting period: { $from } to { $to }.
period-from = Reporting period: from { $from }.
period-to = Reporting period: up to { $to }.

## Change in words: what a reader may conclude (SPEC 4.3 verdict)

# $verdict is a verdict of outcomes_summary.csv; $way the way the average moved (up, down or
# none); $points its size; $near and $far the ends of the 95% interval, nearest 0 first, both
# the way the average moved; $low and $high the interval's ends with $low_way and $high_way
# (for no clear change, where they lie on both sides of 0); $spread is yes when the interval
# has a width; $mid the minimal important difference; $hidden "fewer than 5".
verdict-words = { $verdict ->
    [deteriorated] { $measure } got worse: the average { $way ->
        [up] rose
       *[down] fell
        } { $points } points, and the real change is likely between { $near } and { $far } points { $way ->
        [up] up
       *[down] down
        }
    [improved] { $measure } improved: the average { $way ->
        [up] rose
       *[down] fell
        } { $points } points, and the real change is likely between { $near } and { $far } points { $way ->
        [up] up
       *[down] down
        }
    [improved_small] { $measure } improved a little: the average { $way ->
        [up] rose
       *[down] fell
        } { $points } points (likely between { $near } and { $far }), less than the { $mid } points that make a real difference to people
    [improved_possibly_important] { $measure } improved, possibly by enough to matter: the average { $way ->
        [up] rose
       *[down] fell
        } { $points } points (likely between { $near } and { $far }); { $mid } points is the smallest change that makes a real difference to people
    [improved_probably_important] { $measure } improved, probably by enough to matter: the average { $way ->
        [up] rose
       *[down] fell
        } { $points } points (likely between { $near } and { $far }); { $mid } points is the smallest change that makes a real difference to people
    [improved_important] { $measure } improved by enough to matter: the average { $way ->
        [up] rose
       *[down] fell
        } { $points } points (likely between { $near } and { $far }), at least the { $mid } points that make a real difference to people
    [too_few] too few people to say how { $measure } changed ({ $hidden } with a baseline and a follow-up)
    [hidden] { $measure }: hidden to protect a small group
   *[no_clear_change] no clear change on { $measure }: the average { $way ->
        [up] rose { $points } points
        [down] fell { $points } points
       *[none] did not change
        }{ $spread ->
        [yes] , but the real change could be anywhere from { $low } { $low_way ->
            [up] up
           *[down] down
            } to { $high } { $high_way ->
            [up] up
           *[down] down
            }
       *[no] {""}
        }
    }
# People who reliably got worse on a measure, named in the headline whenever it is shown.
reliable-worse = on { $measure }, { $pct } of people got reliably worse: their score moved the wrong way by more than the measure's own error can explain
reliable-worse-hidden = on { $measure }, some people got reliably worse ({ $hidden }): their score moved the wrong way by more than the measure's own error can explain
verdicts-more = { $n ->
    [one] and { $count } more measure: see Outcomes below
   *[other] and { $count } more measures: see Outcomes below
    }
measure-lower-better = { $measure } (lower is better)

## Tables: column heads

col-measure = Measure
col-people = People
col-paired-people = Paired people
col-baseline = Baseline
col-followup = Follow-up
col-change = Change
col-ci = 95% CI
col-better-by = Better by
col-effect-size = Effect size
col-p = p
col-improved = Improved
col-what-changed = What changed
col-people-reliably-improved = People reliably improved
col-reliably-improved = Reliably improved
col-no-reliable-change = No reliable change
col-reliably-deteriorated = Reliably deteriorated
col-meaningful = Meaningful improvement
col-note = Note
col-principle = Principle
col-stories = Stories
col-output-measures = Output measures
col-outcome-pairs = Outcome pairs
col-self-audit = Self-audit (first → latest)
col-step-band = Step (band)
col-quarter = Quarter
col-range = Range
col-better = Better
col-sem = sem used
col-source = Source
col-project = Project
col-projects = Projects
col-funder = Funder
col-organisation = Organisation
col-participants = Participants
col-cost-per-participant = Cost per participant
col-cost-per-improved = Cost per person reliably improved
col-budget = Budget
col-value-per-pound = Social value per £1
col-project-measure = Project: measure
col-dz = d_z
col-interval = 95% interval
col-novelty = Novelty

## Outputs

outputs-heading = Outputs: activity delivered
outputs-none = No outputs were recorded.
outputs-desc = { $measure }: { $total } in total over { $quarters }, highest in { $peak } ({ $peak_value }).
outputs-desc-total = { $measure }: { $total } in total.
outputs-chart-title = { $measure } per quarter
outputs-table-caption = The numbers in the charts: outputs per quarter
outputs-by-project-heading = Outputs by project
outputs-by-project-intro = Total outputs over the whole period for the activities most projects report; every project's outputs per quarter are on its own page and in data/outputs_summary.csv.
outputs-by-project-desc = { $measure }: { $n_projects ->
    [one] only { $top } reports it ({ $value })
   *[other] { $projects } report it; { $top } { $n_top ->
        [one] delivered the most ({ $value })
       *[other] each delivered the most ({ $value })
    }
    }.
outputs-by-project-title = { $measure } by project

## Outcomes

outcomes-heading = Outcomes: change from baseline to follow-up
outcomes-none = No outcome scores were given.
outcomes-intro = Each person's earliest score is their baseline and their latest is their follow-up; only people with both (paired people) are counted. The chart shows each measure's average change, turned so that right is better: the dot is the average, and the bar the range the real change is likely to lie in (the 95% interval). When the bar crosses 0, we cannot say the measure changed. A dashed line marks the smallest change that matters to people, where a measure has one. Measures with fewer than { $indicative } paired people are indicative only: a few more people could change their figures a lot.
outcomes-chart-title = Change on each measure, turned so that right is better
outcomes-all-heading = All outcome figures
outcomes-table-caption = Outcome figures per measure (effect size is Cohen's d_z: positive means improvement)
indicative-only = indicative only
reliable-heading = Reliable change
reliable-chart-title = Reliable change per measure
reliable-desc = on { $measure }, { $improved } of people reliably improved, { $same } showed no reliable change and { $worse } reliably deteriorated
reliable-improved = reliably improved
reliable-none = no reliable change
reliable-deteriorated = reliably deteriorated
forest-heading = Outcomes across projects
forest-intro = Effect sizes (Cohen's d_z) with their 95% intervals, one chart per measure, largest first: positive means people improved, whichever direction the measure counts as better. Effect sizes are compared only within a measure: a home-made question and a validated scale are not on one footing. Projects with too few people are named under each chart.
forest-chart-title-measure = Effect sizes on { $measure }, per project
forest-not-shown = Not in the chart: { $projects }.
forest-no-effect = no effect size
capped-ends = The chart and its table show the { $half } largest and the { $half } smallest of { $total }, largest first; the { $between } between them, and every one, are in data/{ $table }.
forest-none = No project has enough paired outcome scores for an effect size.
forest-desc = { $above } of { $effects } { $n_above ->
    [one] has an interval
   *[other] have intervals
    } entirely above zero (a clear improvement). { $n_largest ->
    [one] The largest is { $largest } (d_z { $estimate }, 95% interval { $low } to { $high }).
   *[other] The largest, d_z { $estimate } each, are { $largest }.
    }
project-measure = { $project }: { $measure }
all-projects = All projects

## Principles and evidence

principles-heading = Co-production principles
principles-intro = Evidence for each principle: output measures tagged with it, paired outcome scores on measures tagged with it, stories tagged with it, and the latest self-audit score (1 to 5).
principles-desc = Of { $n_stories ->
    [one] { $stories } story
   *[other] { $stories } stories
    }, most were tagged { $principle } ({ $most }{ $n_principle ->
    [one] {""}
   *[other] {" "}each
    }){ $rest ->
    [yes] {"; "}{ $others }
   *[no] {""}
    }.
principles-none = No stories were tagged with a principle.
principles-chart-title = Stories by principle
stories-quotable = { $stories } ({ $quotable } quotable)
evidence-caption = Evidence per principle
evidence-heading = Evidence for each principle
evidence-intro = How strong each project's evidence is for each principle, from the measures, activity, stories and self-audits tagged with it. The strongest level needs a measure tagged with the principle on which { $indicative } or more people were scored before and after; change measured on fewer people is weaker, and activity, stories or a self-audit alone say what was done, not what changed.
evidence-desc = { $full } of { $cells } project-principle cells { $n_full ->
    [one] has
   *[other] have
    } change measured on { $indicative } or more people.
evidence-most = { $strongest } { $n_strongest ->
    [one] has
   *[other] have
    } the most such cells across projects and { $weakest } the fewest.
evidence-even = Every principle has the same evidence across projects.
evidence-chart-title = Strength of evidence per project and principle
evidence-level-0 = none
evidence-level-1 = activity, stories or self-audit only
evidence-level-2 = change measured on fewer than { $indicative } people, or in figures hidden to protect a small group
evidence-level-3 = change measured on { $indicative } or more people
evidence-summary-caption = Projects at each level of evidence, by principle ({ $projects })
## Spectrum of engagement (SPEC 1.2)

spectrum-heading = Spectrum of engagement
spectrum-intro = Where the stories place the work on the spectrum from doing to people, through doing for them, to doing with them. A story tagged with a band only counts in its band.
spectrum-none = No stories were placed on the spectrum.
spectrum-desc = Of { $n_stories ->
    [one] { $stories } story
   *[other] { $stories } stories
    } placed on the spectrum, { $doing_with } { $n_stories ->
    [one] is
   *[other] are
    } doing with, { $doing_for } doing for and { $doing_to } doing to.
spectrum-chart-title = Stories per step of the spectrum of engagement
step-1 = 1 coercion, protection
step-2 = 2 education, persuasion
step-3 = 3 information
step-4 = 4 consultation
step-5 = 5 participation
step-6 = 6 co-production
step-with-band = { $step } ({ $band })
band-doing-to = doing to
band-doing-for = doing for
band-doing-with = doing with
band-all = All { $band } (steps and band-only)

## Personal outcomes

stories-heading = Personal outcomes
stories-summary = { $n_stories ->
    [one] { $stories } story was
   *[other] { $stories } stories were
    } collected; { $quotable } may be quoted. What mattered to the person was achieved in { $achieved }, partly achieved in { $partly } and not yet achieved in { $not_yet }.
stories-intro = Only stories whose teller agreed to be quoted are shown, with e-mail addresses, phone numbers, postcodes and listed names removed. Up to five are chosen: achieved first, then partly achieved, then the rest, most recent first within each. Each is shown in the language it was told in.
stories-none-quotable = No story of this project may be quoted.
teller-citizen = Told by a participant
teller-carer = Told by a carer
teller-family = Told by a family member
teller-professional = Told by a professional
teller-volunteer = Told by a volunteer
teller-community = Told by a community member
teller-other = Told by someone involved
told-in-welsh = told in Welsh
told-in-english = told in English
what-mattered = what mattered:
# What replaces an e-mail address, phone number, postcode or listed name in a quoted story
# (in the story's language).
redacted = {"["}removed]
achieved-yes = achieved
achieved-partly = partly achieved
achieved-not-yet = not yet achieved

## Value for money

value-heading = Value for money
value-no-budget = No budget was given for this project, so costs per person cannot be worked out.
value-note = Costs divide the whole budget by people; they do not separate what the budget bought beyond the people measured.
value-caption = Budget and cost per person

## Portfolio and funders

projects-heading = Projects
look-at-heading = To look at
look-at-intro = Projects where a measure got worse, with no outcome scores, or with thin evidence: no measure with at least { $indicative } people who have both a baseline and a follow-up score.
look-at-caption = Projects to look at first, and why
look-at-worse = { $measure } got worse
look-at-no-outcomes = no outcome scores
look-at-thin = thin evidence: fewer than { $indicative } paired people on every measure
look-at-none = No project has a measure that got worse, and every project has a measure with enough paired people.
col-why = Why
projects-caption = Projects: what changed on each measure, people followed up, strength of evidence, cost and social value
col-followed-up = People followed up
col-strength = Strength of evidence
col-improved-projects = Improved
col-no-clear-change = No clear change
col-worse = Got worse
col-too-few = Too few people
col-hidden-rows = Hidden
followed-of = { $paired } of { $all } ({ $share })
strength-good = good
strength-fair = fair
strength-thin = thin
strength-none = none: no outcome scores
strength-hidden = not known (hidden)
hidden-short = hidden
strength-rule = How strong each project's evidence is: good when at least one measure has { $indicative } or more people scored before and after, and at least { $share } of the people scored were followed up; fair when a measure has { $indicative } or more such people but fewer were followed up; thin when no measure has { $indicative }. The rating says how far the project's figures can be trusted, not how well it did.
projects-dash = A dash means there is nothing to show: no budget, no outcome scores, or no measure with a reliable-change threshold (the ONS questions have none, so no one is counted as reliably improved on them, and no cost per person reliably improved can be worked out). “Hidden” means hidden to protect a small group.
by-measure-heading = Each measure across projects
by-measure-intro = How many projects use each measure, and what their verdicts say. Changes and effect sizes are compared only within a measure, never across measures.
by-measure-caption = Projects by measure and verdict
by-measure-none = No project has outcome scores.
funders-heading = Funders
funders-caption = Funders and the projects they fund
capped = The chart and its table show the first { $shown } of { $total }, in project order; every one is in data/{ $table }.
novelty-heading = Novelty and outcomes
novelty-intro = How new each project's approach is (1: we all know how to do this, to 6: nobody has done this before) against the share of people who reliably improved (by more than the measure's own margin of error), averaged over the project's measures that have a reliable-change threshold.
novelty-desc = { $n_most ->
    [one] The most novel project, { $most } (novelty { $most_novelty }), saw { $most_pct } of people reliably improve
   *[other] The most novel projects, { $most } (novelty { $most_novelty }), saw on average { $most_pct } of people reliably improve
    }; { $n_least ->
    [one] the least novel, { $least } (novelty { $least_novelty }), saw { $least_pct }
   *[other] the least novel, { $least } (novelty { $least_novelty }), saw on average { $least_pct }
    }.
novelty-desc-same = Every project shown has novelty { $novelty }; on average { $pct } of people reliably improved.
novelty-chart-title = Projects by novelty and share reliably improved
novelty-y-axis = % reliably improved
novelty-left-out = Not drawn (no measure with a reliable-change threshold, or its share hidden to protect a small group): { $projects }.
novelty-mean = mean of the level
novelty-simple = simple
novelty-complicated = complicated
novelty-complex = complex

## Charts

chart-mean-change = average change
chart-likely-range = 95% interval (likely range)
chart-mid = smallest change that matters
chart-worse = ← worse
chart-change-points = change in points
chart-better = better →
change-chart-label = { $measure }: { $change } ({ $low } to { $high })
change-chart-label-one = { $measure }: { $change }
chart-effect-axis = ← worse    effect size (d_z)    better →
chart-interval = 95% interval
chart-kinds-of-evidence = strength of evidence:
chart-novelty-axis = novelty (1 = we all know how to do this, 6 = nobody has done this before)

## Data quality

quality-heading = Data quality
quality-ledger = Of { $rows } read from { $files } for this report (all its projects), { $used } { $n_used ->
    [one] was
   *[other] were
    } used, { $excluded } { $n_excluded ->
    [one] was
   *[other] were
    } left out because of a problem, { $duplicates } { $n_duplicates ->
    [one] was an exact duplicate
   *[other] were exact duplicates
    } (counted once) and { $blank } { $n_blank ->
    [one] was
   *[other] were
    } blank.
quality-outside-period = { $n ->
    [one] { $count } dated row falls
   *[other] { $count } dated rows fall
    } outside the reporting period and { $n ->
    [one] is
   *[other] are
    } not counted.
quality-undated = { $n ->
    [one] { $count } score has no date
   *[other] { $count } scores have no date
    } (from sheets with one row per person whose waves are not dated): { $n ->
    [one] it is
   *[other] they are
    } put in order by wave within each person's row, belong to no quarter and count in every reporting period.
quality-left-out-heading = Rows left out
quality-left-out-of-project-heading = Rows of this project left out
quality-none-of-project = No row of this project was left out.
quality-others = { $n ->
    [one] { $count } row left out belongs to another project or to no one project
   *[other] { $count } rows left out belong to other projects or to no one project
    }: the portfolio page and data/excluded_rows.csv list every row left out.
quality-more = … and { $count } more, all listed in data/excluded_rows.csv.

## Method

method-heading = Method
method-outputs = Outputs are summed per quarter (April to March financial years unless set to calendar quarters) and in total.
method-pairing = Outcomes: for each project, measure and person the earliest score is the baseline and the latest the follow-up; people with a single date count as baseline only. SWEMWBS raw totals are converted to metric scores first.
method-statistics = The mean change has a 95% confidence interval from the t distribution; p is from a two-sided paired t-test. The effect size is Cohen's d_z (mean change divided by the standard deviation of the changes, signed so that positive means improvement) with an approximate 95% interval.
method-reliable = Reliable change (Jacobson and Truax): a person reliably improved when their change in the better direction exceeds 1.96 × √2 × the measure's standard error of measurement (sem); the sem is the measure's own, or sd × √(1 − reliability). Improved means any change in the better direction; meaningful improvement means at least the measure's minimal important difference.
method-worth = Social value (WELLBYs): for a measure with a factor to life satisfaction (ONS life satisfaction is 1), WELLBYs are the average change in the better direction times that factor, the people paired, the years the change is taken to last, and one minus deadweight and attribution; their value is that times £13,000 by default (range £10,000 to £16,000, 2019 prices), as the UK Treasury's Green Book supplementary guidance on wellbeing (2021) gives it. The range comes from the ends of the 95% interval of the change and of the value. Values are not discounted, and two measures of one project are never added.
method-references = Reference values: the ONS measures are set beside the UK means for the year ending March 2023 (ONS, Personal well-being in the UK: life satisfaction 7.45, worthwhile 7.73, happiness 7.39, anxiety 3.23) and ONS's bands, the worst being a score below 5 (above 5 for anxiety). A reference describes a population; it is not a comparison group.
method-small-numbers = Small numbers: nothing is shown about fewer than { $min } people, nor anything from which it could be worked out. A measure's row for a project with fewer than { $min } paired people is not shown; a share that counts fewer than { $min } people is not shown ("fewer than { $min }"); and because the three reliable-change shares add to 100, and each measure's ALL row adds up its projects, one more figure is hidden where the hidden one could otherwise be worked out by subtraction ("hidden to protect a small group"). Then mwm tries to work hidden counts out from everything it shows, as a reader would, and hides one more figure wherever one could be. The same figure is hidden on every page and in every table. Measures with fewer than { $indicative } paired people are marked indicative only.
method-costs = Cost per participant is the budget divided by the number of people with any outcome score; cost per reliable improvement divides it by the people who reliably improved on at least one measure.
measures-caption = Measures used and where their constants come from
better-higher = higher
better-lower = lower
sem-none = none

## Plain words: what the figures mean (beside a table, and the glossary closing a page)

reliable-intro = A person reliably improved, or reliably got worse, when their score changed by more than the measure's own measurement error could explain; everyone else shows no reliable change. Measures with no published measurement error (such as the ONS questions) have no reliable change.
means-paired = people with a baseline and a follow-up on this measure.
means-effect-size = Cohen's d_z: the average change divided by how much people's changes varied, positive when people improved. About 0.2 is small, 0.5 medium and 0.8 large; it compares only within a measure.
means-p = how likely a change this large would be if nothing had really changed (a paired t-test); below 0.05 is usually called significant. It says nothing about how large or important the change is.
means-improved = people whose score moved the better way at all, however little.
means-reliably-improved = people whose score moved the better way by more than measurement error could explain.
means-meaningful = people who improved by at least the smallest change that matters for this measure.
means-indicative = "indicative only" marks a measure with fewer than { $indicative } paired people: a few more people could change its figures a lot.
glossary-heading = Words used on this page
term-baseline = Baseline and follow-up
meaning-baseline = A person's earliest score on a measure is their baseline; their latest is their follow-up.
term-paired = Paired people
meaning-paired = People with both a baseline and a follow-up on a measure. Only they count in the change; people with only a baseline are counted separately.
term-average-change = Average change
meaning-average-change = The mean of each paired person's follow-up minus their baseline, in the measure's own points.
term-interval = 95% interval (95% CI)
meaning-interval = The range the real average change is likely to lie in, given how few people were measured and how much they varied. We can be 95% confident the real change is inside it.
term-no-clear-change = No clear change
meaning-no-clear-change = The interval includes no change at all, so the figures cannot say whether the measure went up or down, whatever the average did.
term-mid = Smallest change that matters
meaning-mid = The minimal important difference: the smallest change in a measure's points that people notice as a real difference in their lives, from the measure's published research.
term-reliable = Reliable change
meaning-reliable = A change in one person's score larger than the measure's measurement error could explain (Jacobson and Truax).
term-effect-size = Effect size (d_z)
meaning-effect-size = The average change divided by how much people's changes varied. It compares projects on one measure, never across measures.
term-p = p value
meaning-p = How likely a change at least this large would be if nothing had really changed. Small values mean the change is unlikely to be chance, not that it is large.
term-indicative = Indicative only
meaning-indicative = Figures from fewer than { $indicative } paired people: read them as a first sign, not a firm result.
term-hidden = "{ $hidden }"
meaning-hidden = Figures about fewer than { $min } people are not shown, so that no one can be recognised; a figure that would let a reader work one out is hidden too.

## The project's own words (narrative)

translation = Translation:
narrative-heading = In the project's own words
narrative-about = About the project
narrative-what-we-did = What we did
narrative-difference = The difference made
narrative-challenges = Challenges
narrative-learning = Learning
narrative-next-steps = Next steps
narrative-project-heading = { $project }: { $heading }
narrative-in-welsh = Written in Welsh:
narrative-in-english = Written in English:

## What a change is worth (SPEC 4.9) and reference values (SPEC 4.10)

worth-heading = What the change is worth
worth-improved = { $measure } rose by { $wellbys } WELLBYs among { $people }: about { $value } of social value, and anywhere from { $low } to { $high } given the uncertainty of the change and of the value of a WELLBY.
worth-unclear = The change in { $measure } could be worth anywhere from { $low } to { $high } (it may be nothing, or a loss), given the uncertainty of the change and of the value of a WELLBY; the average change alone would be { $value } ({ $wellbys } WELLBYs among { $people }).
worth-none = The social value on { $measure } is not shown: { $why }.
worth-per-pound = That is { $per_pound } of value for each £1 of the budget of { $budget }, at the central value.
worth-gross = A WELLBY is one point of life satisfaction (0 to 10) for one person for one year, valued at { $value } (range { $low } to { $high }) in { $year } prices, as the UK Treasury's Green Book wellbeing guidance (2021) advises; the change is taken to last { $years } year(s) and is not discounted. This is the gross value: it does not take away what would have happened anyway (deadweight) or what others did (attribution).
worth-net = A WELLBY is one point of life satisfaction (0 to 10) for one person for one year, valued at { $value } (range { $low } to { $high }) in { $year } prices, as the UK Treasury's Green Book wellbeing guidance (2021) advises; the change is taken to last { $years } year(s), not discounted, less { $deadweight } that would have happened anyway (deadweight) and { $attribution } owed to others (attribution).
reference-ons-label = UK adults, year ending March 2023
reference-ons-source = ONS, Personal well-being in the UK, April 2022 to March 2023
reference-heading = Where people started
reference-mean = On { $measure }, people started at { $baseline } on average and ended at { $followup }; the reference is { $reference } ({ $label }; { $source }).
reference-band = { $measure }, people in the worst band ({ $band }): { $baseline } at baseline, { $followup } at follow-up.
band-below = below { $bound }
band-above = above { $bound }
reference-caveat = A reference describes a population, not a comparison group: it shows where people started, not what the project would have achieved without them.
col-social-value = Social value

## This period against a comparison period (SPEC 4.11)

compare-heading = This period against { $before }
compare-intro = Every figure of { $now } and of { $before } comes from the same files by the same rules; small groups are protected in each period on its own.
compare-outputs = { $measure }: { $before }: { $then }; { $now }: { $current }
compare-outputs-title = Outputs in total, { $before } and this period
compare-verdicts-caption = What changed on each measure in { $before } and in this period
compare-audit-caption = The latest self-audit score of each principle in { $before } and in this period
compare-findings = In { $before }: { $verdicts }.
compare-beside = {" "}({ $before }: { $value })
col-total = Total
verdict-short-deteriorated = got worse
verdict-short-no_clear_change = no clear change
verdict-short-improved = improved
verdict-short-improved_small = improved a little
verdict-short-improved_possibly_important = improved, possibly by enough to matter
verdict-short-improved_probably_important = improved, probably by enough to matter
verdict-short-improved_important = improved by enough to matter
verdict-short-too_few = too few people
verdict-short-hidden = hidden to protect a small group
verdict-short-none = not measured
