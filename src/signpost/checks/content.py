"""Safeguarding and quality rules for what modules say (codes SP4xx).

The why of each rule is in CONTRIBUTING.md; messages here say what to change.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..diagnostics import Report
from ..model import Curriculum, Module, band_index
from ..readability import ReadingGrades
from .quiz import without_wrong_options
from .text import Line, iter_lines, iter_links

SENTENCE_LIMITS = {"4-7": 12, "8-10": 18}
# Flesch-Kincaid grade above which a band's text is probably too hard (advisory).
GRADE_LIMITS = {"4-7": 3.5, "8-10": 6.0, "11-13": 8.5, "14-17": 11.0}
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# Spans are bounded so that unclosed brackets cost a constant each, not the rest of the text.
MARKUP = re.compile(r"[*_`>#|]|!\[[^\]]{0,300}\]\([^)]{0,300}\)|\[([^\]]{0,300})\]\([^)]{0,300}\)")
WORD = re.compile(r"[\w'’-]*\w")
NEGATION = re.compile(
    r"\b(?:don't|do not|never|not|no|won't|stop|instead of|without|nobody|no one|doesn't|"
    r"does not|shouldn't|should not|isn't|is not|aren't|are not|refuse|can't|cannot|"
    r"mustn't|must not|avoid|wrong to|unsafe to)\b"
)
CLAUSE_BREAK = re.compile(r"[;:,()\u2013\u2014]|\s-\s|\b(?:but|then|and|or|so)\b")
# --- SP403: harmful advice ----------------------------------------------------------------------
# A harmful verb phrase (HARMFUL_ADVICE, base forms: "pay them", "send one more", "delete the
# chat") is advice when it stands where an instruction does:
#   - first in its clause, perhaps after "just", "simply", "quietly": "If they threaten you, just
#     pay them.";
#   - after an advice cue: "you should", "your child must", "the best thing is to", "it's easiest
#     to", "all you have to do is", "why not";
#   - after "tell / ask / encourage / help <a child> to" that is itself an instruction: "Tell your
#     child to pay quietly.";
# or when its gerund is praised (HARMFUL_PRAISE): "Paying is the safest option."
# It is not advice when its clause negates it ("Do not pay", "never", "refuse to"), when someone
# is described asking for it ("They might tell you to keep it a secret"; "They ask you to change
# clothes, show your room, or keep it secret"), thinking it ("Leo felt he must pay"), in a
# question ("Should Mia pay?"), when the sentence goes on to reject it ("Pay once and they will
# ask for more"), or in quotation marks (what a character says).
# Every pattern below is linear: alternations of words, repeats bounded ({0,4}) or of words that
# cannot overlap, and the look-behind of each decision is cut to ADVICE_WINDOW characters.
ADVICE_WINDOW = 240
_PRONOUN = r"(?:them|him|her)"
_ASKS = r"(?:wants?|asks?(?:\s+for)?|asked(?:\s+for)?|demands?|demanded)"
_IMAGE = r"(?:photos?|pictures?|pics?|images?|videos?|nudes?|selfies?)"
# What SP403 means by "it" for secrecy: the abuse, the chats, what happened. "Keep your password
# secret" and "keep your address private" are safe, so a password, PIN or address never matches.
_SECRET_THING = (
    r"(?:it|this|that|these|those|everything|all\s+of\s+(?:it|this)|it\s+all|"
    r"(?:the|your|our|these|those)\s+(?:chats?|messages?|friendship|relationship|pictures?|photos?|"
    r"threats?|conversations?|texts?)|what\s+(?:happened|(?:they|he|she)\s+(?:did|sent|said|asked)))"
)
_TOLD_NOBODY = r"(?!\s+(?:your|where|what\s+your|personal|private)\b)"  # "...your password" is safe
# What deleting loses: the evidence. Deleting an app, a post or a photo is not deleting evidence.
_EVIDENCE = (
    r"(?:messages?|chats?|history|conversations?|convos?|dms?|texts?|screenshots?|screen\s+shots?|"
    r"evidence|proof|records?|account|everything|anything|it\s+all|all\s+of\s+it)"
)
# Up to four words between "delete" and what is deleted, none starting a new phrase:
# "delete all the messages", but not "delete the app after you have reported the account".
_GAP = (
    r"(?:\s+(?!(?:after|before|once|when|if|and|or|then|but|so|to|until|because|unless|while|"
    r"from|with|on|in|at|for)\b)[\w'-]+){0,4}?"
)
HARMFUL_ADVICE: dict[str, re.Pattern[str]] = {
    "to pay": re.compile(
        r"\bpay\b(?!\s+(?:(?:close|more|careful|special|no)\s+)?(?:attention|heed|for|a\s+visit|"
        r"back|respects?|a\s+compliment|tribute|it\s+forward)\b)"
        r"(?!\s+" + _PRONOUN + r"\s+no\s+(?:attention|mind)\b)"
        r"|\bhand\s+over\s+(?:the\s+|any\s+|some\s+|your\s+)?(?:money|cash|gift\s+cards?|codes?|"
        r"bank\s+details|card\s+details|payment)\b"
        r"|\btransfer\s+(?:the\s+|any\s+|some\s+)?(?:money|cash|funds|payment|"
        r"what\s+(?:they|he|she)\s+" + _ASKS + r")\b"
        r"|\b(?:send|give)\s+(?:" + _PRONOUN + r"\s+)?(?:the\s+|some\s+|any\s+)?(?:money|cash|"
        r"gift\s+cards?|codes?|payment|bitcoin|crypto)\b"
        r"|\bbuy\s+(?:" + _PRONOUN + r"\s+)?(?:the\s+|some\s+)?(?:gift\s+cards?|vouchers?|codes?)\b"
        r"|\b(?:borrow|find|raise)\s+(?:the\s+|some\s+|enough\s+)?(?:money|cash)\b"
        r"|\b(?:use|spend)\s+(?:your\s+|the\s+|some\s+)?(?:savings|pocket\s+money|money|cash)\s+"
        r"(?:to\s+pay|on\s+(?:them|him|her|gift\s+cards?|what\s+they))\b"
    ),
    "to comply": re.compile(
        r"\bgive\s+in\b"
        r"|\bgive\s+" + _PRONOUN + r"\s+(?:what|whatever|everything)\s+(?:they|he|she)\s+" + _ASKS
        + r"|\bdo\s+(?:exactly\s+|just\s+)?(?:what|whatever|everything|anything|all)\s+"
        r"(?:that\s+)?(?:they|he|she|"
        r"the\s+(?:person|blackmailer|scammer|offender))\s+(?:says?|asks?|wants?|tells?\s+you|"
        r"demands?|orders?)\b"
        r"|\bdo\s+as\s+(?:they|he|she)\s+(?:says?|asks?|wants?|tells?\s+you|demands?)\b"
        r"|\bdo\s+as\s+(?:you're|you\s+are|they're|they\s+are)\s+told\b(?!\s+by\s+(?:your|a|an)\b)"
        r"|\bgo\s+along\s+with\s+(?:it|them|him|her|this|that|their|the\s+demands?|what)\b"
        r"|\bplay\s+along\b"
        r"|\bcomply\b(?!\s+with\s+(?!(?:them|him|her|it|their|the\s+(?:demands?|threats?)|what)\b))"
        r"|\b(?:meet|accept)\s+(?:their|his|her|the)\s+(?:demands?|terms)\b"
        r"|\b(?:follow|obey)\s+(?:their|his|her)\s+(?:orders|demands?|commands?)\b"
        r"|\bobey\s+" + _PRONOUN + r"\b"
    ),
    "to send more": re.compile(
        r"\b(?:send|share)\s+(?:" + _PRONOUN + r"\s+)?(?:more|another|one\s+more|a\s+few\s+more|"
        r"some\s+more|extra|a\s+second)\b"
        r"(?!\s+(?:messages?|texts?|reports?|emails?|help|details|information|info|evidence|"
        r"screenshots?|time)\b)"
        r"|\b(?:send|share)\s+(?:" + _PRONOUN + r"\s+)?(?:what|whatever)\s+(?:they|he|she)\s+"
        + _ASKS + r"\b"
        r"|\bsend\s+(?:" + _PRONOUN + r"\s+)?(?:the|a|an)\s+" + _IMAGE + r"\s+(?:they|he|she)\s+"
        + _ASKS + r"\b"
        r"|\btake\s+(?:another|more|one\s+more|a\s+few\s+more)\s+" + _IMAGE + r"\b"
    ),
    "to keep it secret": re.compile(
        r"\bkeep\s+" + _SECRET_THING + r"\s+(?:(?:a|our|your|a\s+big)\s+)?(?:secret|quiet|hidden|"
        r"to\s+(?:yourself|yourselves|himself|herself|themselves|themself)|between)\b"
        r"|\bkeep\s+(?:quiet|silent)\b|\bstay\s+(?:quiet|silent)\s+about\b"
        r"|\b(?:don't|do\s+not|never|not)\s+tell\s+(?:anyone|anybody|a\s+soul|adults|grown-ups|"
        r"your\s+(?:parents?|mum|mom|dad|family|carers?|teachers?|friends?(?!')|school)|"
        r"(?:an?|any|the)\s+(?:adult|grown-up|teacher|parent|police)s?)\b" + _TOLD_NOBODY
        + r"|\btell\s+(?:no\s+one|no-one|nobody)\b" + _TOLD_NOBODY
        + r"|\b(?:don't|do\s+not|never)\s+(?:let|allow)\s+(?:anyone|anybody|adults|grown-ups|"
        r"your\s+(?:parents?|mum|mom|dad|family|carers?|teachers?))\s+(?:know|find\s+out)\b"
        + _TOLD_NOBODY
        + r"|\b(?:make\s+sure|ensure)\s+(?:that\s+)?(?:no\s+one|no-one|nobody|"
        r"(?:[\w'-]+\s+){1,2}never)\s+(?:ever\s+)?(?:knows?|finds?\s+out|sees?|hears?\s+about)\b"
        + _TOLD_NOBODY
        + r"|\b(?:no\s+one|no-one|nobody)\s+(?:ever\s+)?(?:needs|has)\s+to\s+(?:know|find\s+out)\b"
        + _TOLD_NOBODY
        + r"|\b(?:parents|mum|mom|dad|family|teachers?|adults|grown-ups|carers?|anyone|anybody)\s+"
        r"(?:don't|doesn't|do\s+not|does\s+not|never)\s+(?:need|have)\s+to\s+(?:know|find\s+out|"
        r"hear\s+about\s+(?:it|this))\b" + _TOLD_NOBODY
        + r"|\bsay\s+nothing\s+to\s+(?:anyone|anybody|adults|grown-ups|your\s+[\w-]+|"
        r"(?:an?|any|the)\s+[\w-]+)"
        r"|\b(?:don't|do\s+not|never)\s+(?:mention|say\s+anything\s+about)\s+(?:it|this|that|"
        r"what\s+happened|the\s+[\w-]+)\s+to\b"
        r"|\b(?:don't|do\s+not|never)\s+say\s+anything\s+to\s+(?:anyone|anybody|your\s+[\w-]+)\b"
        r"|\bhide\s+" + _SECRET_THING + r"\s+from\b"
    ),
    "to delete evidence": re.compile(
        r"\b(?:delete|erase|wipe|destroy|remove|unsend|bin|trash|shred|get\s+rid\s+of|"
        r"throw\s+(?:away|out))" + _GAP + r"\s+" + _EVIDENCE + r"\b"
        r"|\bclear\s+(?:out\s+)?(?:the|your|all|any|every|their|his|her|those|these|this|that)\b"
        + _GAP + r"\s+" + _EVIDENCE + r"\b"
        r"|\b(?:(?:factory\s+)?reset|wipe)\s+(?:your|the)\s+(?:phone|device|tablet|laptop|computer)\b"
    ),
}
# "Paying is the safest option": a gerund praised as the way out.
_PRAISE = (
    r"(?:\s+[\w'-]+){0,3}?\s+(?:is|was|would\s+be|will\s+be|may\s+be|might\s+be|could\s+be)\s+"
    r"(?:(?:usually|often|probably|always|really|honestly|just|sometimes|definitely|actually|"
    r"still|by\s+far)\s+)?(?:(?:the|a|your)\s+)?(?:(?:best|safest|easiest|quickest|fastest|"
    r"simplest|smartest|wisest|right|sensible|good|great|smart|wise)\b|only\s+(?:way|option|"
    r"choice|answer)|(?:ok|okay|fine)\b)"
)
HARMFUL_PRAISE: dict[str, re.Pattern[str]] = {
    advice: re.compile(r"\b(?:" + gerund + r")" + _PRAISE)
    for advice, gerund in {
        "to pay": r"paying|handing\s+over|buying\s+(?:the\s+)?gift\s+cards?",
        "to comply": r"giving\s+in|doing\s+what\s+they\s+(?:say|want|ask)|going\s+along\s+with",
        "to send more": r"sending\s+(?:" + _PRONOUN + r"\s+)?(?:more|another|one\s+more)",
        "to keep it secret": r"keeping\s+(?:it|this|quiet|" + _SECRET_THING + r")",
        "to delete evidence": r"deleting|wiping|erasing|clearing|getting\s+rid\s+of",
    }.items()
}
# Words that may stand before an imperative in its clause: "just pay", "so quietly pay".
_FILLER = (
    r"(?:just|simply|quickly|quietly|calmly|secretly|please|now|first|instead|always|maybe|perhaps|"
    r"then|and|or|so|also|honestly|really|only|immediately|right\s+away|straight\s+away|"
    r"go\s+ahead\s+and|go\s+and|try\s+and|better)"
)
IMPERATIVE_LEAD = re.compile(
    r"^\s*(?:" + _FILLER + r"\s+)*(?:you\s+(?:" + _FILLER + r"\s+)+)?$"  # "so you just pay"
)
ADVICE_NEGATION = re.compile(
    r"\b(?:don't|dont|do\s+not|never|not|no|won't|will\s+not|nobody|no\s+one|no-one|doesn't|"
    r"does\s+not|shouldn't|should\s+not|isn't|is\s+not|aren't|are\s+not|can't|cannot|mustn't|"
    r"must\s+not|refuse|refuses|refused|avoid|instead\s+of|without|wrong\s+to|unsafe\s+to|"
    r"stop|resist)\b"
)
# Cues whose negative words are part of the advice: "why not just pay?", "don't forget to".
POSITIVE_NEGATIVES = re.compile(
    r"\bwhy\s+(?:not|don't\s+you|do\s+you\s+not)\b|\b(?:don't|do\s+not|never)\s+(?:forget|"
    r"hesitate|be\s+afraid|be\s+scared)\s+to\b|\bno\s+(?:harm|shame)\s+in\b"
)
_PEOPLE = (
    r"(?:you|yourself|we|your\s+(?:(?:little|younger|older|big|best)\s+)?(?:child|children|son|"
    r"daughter|teen|teenager|kids?|friends?|brothers?|sisters?|mates?|classmates?|learners?|"
    r"pupils?|students?|class)|the\s+(?:child|children|young\s+person|young\s+people|"
    r"pupil|pupils|learner|learners|student|students|victim)|children|kids|young\s+people|"
    r"learners|pupils|students|them|him|her|everyone|teens|teenagers)"
)
# Advice cues, matched at the end of the words before the harmful verb.
ADVICE_CUE = re.compile(
    r"(?:"
    # any subject but he/she (a story's narration): "you should", "Mia must", "parents ought to"
    r"(?P<subject>\b(?!(?:he|she|it)\b)[\w'-]+)\s+(?:(?:really|just|always|simply|definitely|probably)\s+)?"
    r"(?:should|must|ought\s+to|had\s+better|'d\s+better|better)"
    # a person who takes advice: "you need to", "your child can", "I'd"
    r"|(?P<person>\b(?:you|we|i|" + _PEOPLE + r"))\s+(?:(?:really|just|always|simply|"
    r"definitely|probably|still)\s+)?(?:need\s+to|needs\s+to|have\s+to|has\s+to|can|could|"
    r"might\s+want\s+to|may\s+want\s+to|want\s+to)"
    r"|\b(?:i'd|i\s+would|if\s+i\s+were\s+you)"
    # impersonal: "it's easiest to", "the best thing to do is", "all you have to do is"
    r"|\b(?:try|remember|make\s+sure|be\s+sure|best|better|safest|safer|easiest|easier|quickest|"
    r"quicker|simplest|simpler|smartest|smarter|wisest|wiser|wise|smart|sensible|ok|okay|fine|"
    r"alright|all\s+right|good\s+idea|worth\s+it|important|time)\s+to"
    r"|\b(?:best|safest|easiest|quickest|fastest|simplest|smartest|wisest|only|right|sensible|"
    r"obvious|smart|easy|simple|quick|safe|good|wise)\s+(?:thing|option|way(?:\s+out)?|choice|move|plan|bet|idea|answer|solution|"
    r"step)(?:\s+(?:to\s+do|for\s+[\w'-]+|now|here)){0,2}\s+(?:is|was|would\s+be|will\s+be)"
    r"(?:\s+to)?"
    r"|\b(?:all|what)\s+(?:you|your\s+[\w-]+|they)\s+(?:have|has|need|needs|should|must)\s+"
    r"(?:to\s+)?do\s+is(?:\s+to)?"
    r"|\bmake\s+sure\s+(?:that\s+)?" + _PEOPLE
    + r"|\bwhy\s+(?:not|don't\s+you|do\s+you\s+not)"
    r"|\b(?:don't|do\s+not|never)\s+(?:forget|hesitate|be\s+afraid|be\s+scared)\s+to"
    r")\s+(?:" + _FILLER + r"\s+)*$"
)
# Words before a subject that make "you should pay" someone's thought or words, not advice:
# "Leo felt he must pay", "you might think you should keep it secret", "if you must".
_THOUGHT = (
    r"think|thinks|thought|feel|feels|felt|believe|believes|believed|say|says|said|tell|tells|"
    r"told|claim|claims|claimed|worry|worries|worried|fear|fears|feared|wonder|wonders|wondered|"
    r"decide|decides|decided|pretend|pretends|imagine|imagines|insist|insists|insisted|warn|warns|"
    r"warned|threaten|threatens|threatened|write|writes|wrote|text|texts|texted|sure|convinced|"
    r"whether|if|when|unless|why|how|who|what|where"
)
THOUGHT = re.compile(r"\b(?:" + _THOUGHT + r")\b")
# "ask X to", "tell X to", "help X": what X is asked to do is advice only if the asking is.
_ASKING = (
    r"tell|ask|advise|encourage|remind|get|teach|allow|urge|instruct|persuade|convince|beg|"
    r"want|expect|force|pressure|push|dare|trick|order|need|would\s+like"
)
_ASKING_DONE = (
    r"tells|told|telling|asks|asked|asking|advises|advised|encourages|encouraged|reminds|"
    r"reminded|gets|got|getting|teaches|taught|allows|allowed|urges|urged|instructs|instructed|"
    r"persuades|persuaded|convinces|convinced|begs|begged|wants|wanted|expects|expected|forces|"
    r"forced|pressures|pressured|pushes|pushed|dares|dared|tricks|tricked|orders|ordered|"
    r"needs|needed|demands|demanded|says|said"
)
_SOMEONE = r"(?:(?!to\b)[\w'-]+(?:\s+(?!to\b)[\w'-]+){0,2})"  # up to three words, not "to"
REQUEST = re.compile(
    r"\b(?P<verb>" + _ASKING + r"|" + _ASKING_DONE + r")\s+(?P<someone>" + _SOMEONE + r")\s+to\b"
    r"|\b(?P<threat>threaten|threatens|threatened|threatening)\s+to\b"
    r"|\b(?P<bare>help|let|make(?!\s+sure)|helps|helped|lets|makes|made|making)\s+(?P<helped>" + _SOMEONE
    + r")(?:\s+to)?(?=\s+(?:" + _FILLER + r"\s+)*$)"
)
REQUEST_AT_END = re.compile(r"(?:" + REQUEST.pattern + r")\s+(?:" + _FILLER + r"\s+)*$")
# Instructions that pass the advice on: "Tell your child to ...", "Help them ...".
PASSED_ON = re.compile(
    r"^(?:tell|ask|advise|encourage|remind|get|teach|allow|urge|instruct|persuade|convince|help|"
    r"let|make)$"
)
# A subject and modal that later items of a list hang on.
MODAL = re.compile(
    r"\b[\w'-]+\s+(?:(?:really|just|always|simply|definitely|probably|still)\s+)?(?:should|must|"
    r"ought\s+to|had\s+better|need\s+to|needs\s+to|have\s+to|has\s+to|had\s+to|can|could|will|"
    r"would|may|might|shall)\b(?P<negated>\s+(?:not|never)\b|n't)?|\b[\w-]+(?:'ll|'d)\b"
)
# "Isolating: putting down girls her age; 'your parents wouldn't understand'; keep it quiet":
# items after a label whose first item is a gerund or a quotation name examples, not steps.
EXAMPLES_LIST = re.compile(r"[^:;.!?]{1,60}:\s*(?:[\w-]+ing\b|\s*;)[^:]{0,240};")
ADVICE_BREAK = re.compile(r"[;:,()\u2013\u2014]|\s-\s|\b(?:but|then|and|or|so|because|otherwise)\b")
HARD_BREAK = re.compile(r"[;:()\u2013\u2014]|\s-\s|\b(?:but|so|then|because|otherwise)\b")
SUBORDINATE = re.compile(
    r"^\s*(?:(?:and|but|so|then|now|also)\s+)?(?:if|when|whenever|unless|once|after|before|as\s+soon\s+as|"
    r"even\s+if|even\s+when|in\s+case|until|while|whether)\b"
)
# Between two harmful phrases of one list: a few words of object, then ",", "and", "or".
OR_AT_END = re.compile(r"\bor\s*$")
LIST_CLOSES = re.compile(r"^[^.;:!?]*?\bor\b")  # "..., send more pictures or do something else"
LIST_CONTINUATION = re.compile(
    r"^(?:\s+(?!(?:just|simply|but|so|then|because|instead)\b)[\w'-]+){0,3}\s*(?:,\s*)?"
    r"(?:(?:and|or)\s+)?(?:then\s+)?$"
)
# "Pay once and they will ask for more": the sentence goes on to reject what it names.
REJECTED_AFTER = re.compile(
    r"^[^.!?;]{0,50}?(?:\band|\bbut|,)\s+(?:then\s+)?(?:it|that|this|they|he|she|the\s+(?:person|"
    r"threats?|demands?|blackmailer|scammer))(?:'ll|\s)\s*(?:(?:will|may|might|can|could|often|"
    r"usually|just|only|soon|probably|always|still)\s+)*(?:(?:ask|asks|want|wants|demand|demands|"
    r"come|comes)\s+(?:back\s+)?(?:for\s+)?more\b|(?:get|gets|make|makes)\s+(?:it\s+|things\s+)?"
    r"worse\b|(?:is|was)\s+(?:not|never)\s+(?:over|the\s+end|enough)\b|(?:not|never|won't|doesn't|"
    r"does\s+not|will\s+not|didn't|did\s+not)\s+(?:ever\s+)?(?:stop|end|go\s+away|leave\s+you\s+"
    r"alone|help|work|make\s+it\s+stop|be\s+over)\b)"
)
REJECTED_PRAISE = re.compile(r"^[^.!?;]{0,60}?,?\s*but\s+(?:it|that|this|they)\s*(?:'s|is|are|"
                             r"was|does|do|will|won't|isn't|doesn't|aren't)?\s+(?:not|never|n't)\b"
                             r"|^[^.!?;]{0,60}?,?\s*but\s+(?:it|that|this)\s+(?:isn't|doesn't|"
                             r"won't|wasn't)\b")
QUESTION = re.compile(r"\?[\s\"'\u201d)]*$")
WHY_NOT = re.compile(r"\bwhy\s+(?:not|don't\s+you|do\s+you\s+not)\b")
# Words in quotation marks are what a character says, not the module's advice. Single quotes
# span at most 300 characters, so an apostrophe with no partner costs little.
QUOTED = re.compile(r"\"[^\"]*\"|“[^“”]*”|(?<!\w)'[^\n]{0,300}?'(?!\w)")
STEREOTYPES = re.compile(r"\bstranger[- ]danger\b|\b(?:creepy|dirty) old(?:er)? m[ae]n\b",
                         re.IGNORECASE)
STEREOTYPE_REJECTED = re.compile(
    r"[\"”'’]?\s*(?:is|was|are)\s+(?:a myth|not|misleading|wrong|outdated|unhelpful)\b"
)
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)")
VAGUE_LINK_TEXT = {"here", "click here", "this", "link", "this link", "more", "read more"}
CONTRACTIONS = (
    ("isn't", "is not"), ("wasn't", "was not"), ("aren't", "are not"), ("weren't", "were not"),
    ("haven't", "have not"), ("hasn't", "has not"), ("didn't", "did not"),
    ("it's", "it is"), ("you're", "you are"), ("they're", "they are"), ("that's", "that is"),
)
HEADING = re.compile(r"^(#{1,6})\s")
HTML_ONLY = re.compile(r"^\s*(?:<[^>]*>\s*)+$")


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str

    @property
    def words(self) -> int:
        return len(WORD.findall(self.text))


def check(curriculum: Curriculum, report: Report, advisory: bool = True) -> None:
    cache_file = curriculum.root / ".signpost-cache" / "reading-grades.json"
    grades = ReadingGrades(cache_file) if advisory else None
    for module in curriculum.modules.values():
        lines = list(iter_lines(module))
        fields = front_matter_lines(module)
        check_link_text(module, report)
        check_headings(module, lines, report)
        check_stereotypes(module, fields + lines, report)
        check_harmful_advice(module, without_wrong_options(module, lines), report)
        check_harmful_advice_in_lines(module, fields, report)
        check_harmful_advice_in_lines(module, [ln for ln in lines if not_prose(ln.text)], report)
        if module.audience == "children":
            check_never_your_fault(curriculum, module, lines, report)
            check_reading_level(module, lines, report, grades)
    if grades is not None:
        grades.save()


def front_matter_lines(module: Module) -> list[Line]:
    """Front-matter text that pages show (title, summary, objectives, glossary, materials)."""
    texts: list[tuple[int, str]] = [
        (module.line_of("title"), module.title),
        (module.line_of("summary"), module.summary),
    ]
    texts += [(module.line_of("objectives", i), o) for i, o in enumerate(module.objectives)]
    texts += [(module.line_of("vocabulary", term), f"{term}: {definition}")
              for term, definition in module.vocabulary.items()]
    texts += [(module.line_of("materials", i), m) for i, m in enumerate(module.materials)]
    return [Line(number, text, ()) for number, text in texts if text]


def check_link_text(module: Module, report: Report) -> None:
    """What HTML a link may become is the allowlist's business (checks/html.py); here, words."""
    for link in iter_links(module):
        if not link.is_image and link.text.strip().lower().strip(".!:") in VAGUE_LINK_TEXT:
            report.error(module.path, link.line, "SP411",
                         f"link text '{link.text}' does not say where it goes: name the page "
                         "or service instead")


def check_headings(module: Module, lines: list[Line], report: Report) -> None:
    level = 1  # the module title is the page's only level-1 heading
    for line in lines:
        match = HEADING.match(line.text)
        if not match:
            continue
        depth = len(match.group(1))
        if depth == 1:
            report.error(module.path, line.number, "SP412",
                         "use '## ' for headings: the title is the page's only '# ' heading")
        elif depth > level + 1:
            report.error(module.path, line.number, "SP412",
                         f"heading jumps from level {level} to {depth}: use {'#' * (level + 1)}")
        level = depth


def check_stereotypes(module: Module, lines: list[Line], report: Report) -> None:
    for line in lines:
        match = STEREOTYPES.search(line.text)
        if match and not rejects_stereotype(line.text.lower(), match):
            report.error(module.path, line.number, "SP404",
                         f"avoid the stereotype '{match.group()}': most harm comes from "
                         "people a child knows or has come to trust")


def rejects_stereotype(text: str, match: re.Match[str]) -> bool:
    """'Avoid "stranger danger" messages', 'stranger danger is a myth'."""
    before = CLAUSE_BREAK.split(text[: match.start()].replace("’", "'"))[-1]
    after = text[match.end() : match.end() + 40]
    return bool(NEGATION.search(before) or STEREOTYPE_REJECTED.match(after))


def check_harmful_advice(module: Module, lines: list[Line], report: Report) -> None:
    for sentence in sentences(lines, learner_only=False, prepare=without_quotations):
        advice = harmful_advice_in(sentence.text)
        if advice:
            report.error(
                module.path, sentence.line, "SP403",
                f"reads as advice {advice}; the advice is never to pay, send more, comply, "
                "delete evidence or keep it secret: say 'do not ...' plainly",
            )


def check_harmful_advice_in_lines(module: Module, lines: list[Line], report: Report) -> None:
    """Headings, table cells and front-matter text: each line on its own."""
    for line in lines:
        if REFERENCE_DEFINITION.match(line.text):
            continue
        for cell in HEADING.sub("", line.text).split("|"):
            plain = without_quotations(MARKUP.sub(lambda m: m.group(1) or " ", cell))
            for sentence in SENTENCE_END.split(plain):
                advice = harmful_advice_in(sentence)
                if advice:
                    report.error(
                        module.path, line.number, "SP403",
                        f"reads as advice {advice}; the advice is never to pay, send more, "
                        "comply, delete evidence or keep it secret: say 'do not ...' plainly",
                    )
                    break


def without_quotations(text: str) -> str:
    """Lower case, straight apostrophes, quoted speech blanked (lengths kept for line numbers)."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    return QUOTED.sub(lambda match: " " * len(match.group()), text)


def harmful_advice_in(sentence: str) -> str | None:
    """The harmful advice a prepared sentence gives ('to pay', ...), or None.

    `sentence` is lower case with quotations blanked (`without_quotations`).
    """
    if QUESTION.search(sentence) and not WHY_NOT.search(sentence):
        return None  # "Should Mia pay?" asks; "Why not just pay?" advises
    found = sorted(
        (match.start(), match.end(), advice)
        for advice, pattern in HARMFUL_ADVICE.items()
        for match in pattern.finditer(sentence)
    )
    previous: tuple[int, bool] | None = None  # (end, read as advice) of the last match
    for start, end, advice in found:
        if previous and continues_list(sentence, previous[0], start, end):
            is_advice = previous[1]  # "do not pay or send more", "unless they pay, send more"
        else:
            is_advice = reads_as_advice(sentence, start) and not REJECTED_AFTER.match(
                sentence[end : end + ADVICE_WINDOW]
            )
        if is_advice:
            return advice
        previous = (end, is_advice)
    for advice, pattern in HARMFUL_PRAISE.items():
        for match in pattern.finditer(sentence):
            if praise_is_advice(sentence, match.start(), match.end()):
                return advice
    return None


def continues_list(sentence: str, previous_end: int, start: int, end: int) -> bool:
    """Whether a harmful phrase is the next item of the list the previous one started.

    "Do not pay or send more"; "unless they pay money, send more pictures or do something
    else". A comma after an "if" or "after" clause ends it instead: "After you pay, delete the
    chat."
    """
    between = sentence[previous_end:start]
    if not LIST_CONTINUATION.match(between):
        return False
    if "," not in between:
        return True
    hard = HARD_BREAK.split(sentence[max(0, previous_end - ADVICE_WINDOW) : previous_end])[-1]
    return not SUBORDINATE.match(hard) or bool(LIST_CLOSES.match(sentence[end : end + ADVICE_WINDOW]))


def reads_as_advice(sentence: str, start: int, depth: int = 0) -> bool:
    """Whether the words before `start` make the verb there an instruction."""
    before = sentence[max(0, start - ADVICE_WINDOW) : start]
    clause = ADVICE_BREAK.split(before)[-1]
    clause_start = start - len(clause)
    if ADVICE_NEGATION.search(POSITIVE_NEGATIVES.sub(" ", clause)):
        return False  # "do not pay", "refuse to send more", "you never have to"
    request = REQUEST_AT_END.search(clause)
    if request:  # "tell your child to pay", "they ask you to pay"
        return request_is_advice(sentence, clause_start, request, depth)
    cue = cue_is_advice(clause)
    if cue is not None:
        return cue
    if not IMPERATIVE_LEAD.match(clause):
        return False  # "some people pay", "if you pay", "before you delete anything"
    if EXAMPLES_LIST.match(sentence, 0, clause_start):
        return False
    return not governed(sentence, start, before[: len(before) - len(clause)], depth)


def cue_is_advice(clause: str) -> bool | None:
    """Whether an advice cue ends `clause` and advises; None when there is no cue."""
    cue = ADVICE_CUE.search(clause)
    if cue is None:
        return None
    # "the best thing is to", "you should"; not "Leo felt he must", "they said it's easier to"
    return not THOUGHT.search(clause[: cue.start()])


def request_is_advice(sentence: str, offset: int, request: re.Match[str], depth: int) -> bool:
    """'Tell your child to ...' passes advice on; 'they ask you to ...' describes a request.

    `request` matched in the text that starts at `offset` in `sentence`.
    """
    verb = request.group("verb") or request.group("bare") or request.group("threat")
    someone = request.group("someone") or request.group("helped") or ""
    if not PASSED_ON.match(verb) or depth >= 3:
        return False
    if not re.fullmatch(_PEOPLE, someone):
        return False  # "ask the platform to remove the messages" is not advice to a child
    return reads_as_advice(sentence, offset + request.start(), depth + 1)


def governed(sentence: str, start: int, before: str, depth: int) -> bool:
    """Whether a verb first in its clause is an item of a list that describes.

    `before` is the text before the verb's clause. "They ask you to change clothes, show your
    room, or keep it secret": every item is what they ask. "They feel they have to act at once
    and tell no one": every item hangs on "they have to". "If someone threatens to share a photo,
    just pay them": the "if" clause ends at its comma, and "pay them" is the instruction after it.
    """
    hard = HARD_BREAK.split(before)[-1]
    if OR_AT_END.search(hard) and ADVICE_NEGATION.search(hard):
        return True  # "do not reply to them or delete the messages": "not" covers the list
    hard_start = start - ADVICE_WINDOW if start > ADVICE_WINDOW else 0
    hard_start += len(before) - len(hard)
    heads = [*REQUEST.finditer(hard), *MODAL.finditer(hard)]
    if not heads:
        return False
    head = max(heads, key=lambda match: match.start())
    if SUBORDINATE.match(hard) and subordinate_ends_before(sentence, hard_start + head.end(), start):
        return False
    if head.re is REQUEST:
        return not request_is_advice(sentence, hard_start, head, depth)
    if head.groupdict().get("negated"):
        return True  # "you must not pay them, or send more"
    return not cue_is_advice(hard[: head.end()] + " ")


def subordinate_ends_before(sentence: str, request_end: int, start: int) -> bool:
    """Whether an "if ..." clause holding a request ends (at a comma) before `start`.

    It ends at the first comma after the request, unless a list runs on to a later comma:
    "If someone asks you to send a photo, keep it secret or meet up, tell an adult."
    """
    rest = sentence[request_end : request_end + ADVICE_WINDOW]
    commas = [i for i, char in enumerate(rest) if char == ","]
    if not commas:
        return False
    end = commas[0]
    for here, after in zip(commas, commas[1:], strict=False):
        if re.search(r"\b(?:and|or)\b", rest[here:after]):
            end = after  # the last item of the list closes the clause
            break
    return request_end + end < start


def praise_is_advice(sentence: str, start: int, end: int) -> bool:
    """'Paying is the only way out' advises; 'it can feel like paying is the only way out,
    but it is not' and 'they tell you paying is best' describe."""
    before = HARD_BREAK.split(sentence[max(0, start - ADVICE_WINDOW) : start])[-1]
    if ADVICE_NEGATION.search(before) or THOUGHT.search(before) or re.search(
        r"\b(?:like|seem|seems|seemed|as\s+if)\b", before
    ):
        return False
    return not REJECTED_PRAISE.match(sentence[end : end + ADVICE_WINDOW])


def check_never_your_fault(
    curriculum: Curriculum, module: Module, lines: list[Line], report: Report
) -> None:
    topic = curriculum.topic(module.topic)
    if topic is None or not topic.never_your_fault:
        return
    learner_text = plain_words(" ".join(line.text for line in lines if line.learner_visible))
    if not any(plain_words(phrase) in learner_text for phrase in curriculum.fault_phrases):
        example = curriculum.fault_phrases[0] if curriculum.fault_phrases else "never your fault"
        report.error(
            module.path, module.body_line, "SP402",
            f"modules on '{topic.id}' must tell learners plainly that it is never their fault "
            f"(for example '{example}')",
        )


def plain_words(text: str) -> str:
    """'It **isn't** your\nfault' -> 'it is not your fault'."""
    text = MARKUP.sub(lambda m: m.group(1) or " ", text.lower().replace("’", "'"))
    for short, long in CONTRACTIONS:
        text = text.replace(short, long)
    return " ".join(text.split())


def check_reading_level(
    module: Module, lines: list[Line], report: Report, grades: ReadingGrades | None
) -> None:
    learner = list(sentences(lines, learner_only=True))
    youngest = min(module.age_bands, key=band_index) if module.age_bands else None
    limit = SENTENCE_LIMITS.get(youngest or "")
    if limit:
        for index, objective in enumerate(module.objectives):
            words = len(WORD.findall(objective))
            if words > limit:
                report.error(
                    module.path, module.line_of("objectives", index), "SP407",
                    f"objective of {words} words; for ages {youngest} keep it to {limit} words "
                    "or fewer (learners read it in 'In this lesson')",
                )
        for sentence in learner:
            if sentence.words > limit:
                report.error(
                    module.path, sentence.line, "SP407",
                    f"sentence of {sentence.words} words; for ages {youngest} keep sentences "
                    f"to {limit} words or fewer",
                )
    text = " ".join(s.text for s in learner)
    if grades is not None and youngest and len(learner) >= 5:
        grade = grades.grade(text)
        if grade > GRADE_LIMITS[youngest]:
            report.warning(
                module.path, module.body_line, "SP408",
                f"reading level (Flesch-Kincaid grade {grade:.1f}) is high for ages {youngest} "
                f"(aim for {GRADE_LIMITS[youngest]:g} or below): use shorter words and sentences",
            )


def not_prose(text: str) -> bool:
    """Headings, table rows, link definitions and lines of HTML tags only."""
    return bool(
        HEADING.match(text) or text.lstrip().startswith("|")
        or REFERENCE_DEFINITION.match(text) or HTML_ONLY.match(text)
    )


def sentences(
    lines: list[Line], learner_only: bool, prepare: Callable[[str], str] | None = None
) -> Iterator[Sentence]:
    """Sentences of prose: paragraphs and list items, markup stripped, headings skipped.

    `prepare` may rewrite a paragraph before it is split, keeping its length.
    """
    paragraph: list[Line] = []

    def flush() -> Iterator[Sentence]:
        if not paragraph:
            return
        starts: list[int] = []  # offset in text of each line
        parts: list[str] = []
        offset = 0
        for ln in paragraph:
            starts.append(offset)
            part = MARKUP.sub(lambda m: m.group(1) or " ", ln.text)
            parts.append(part)
            offset += len(part) + 1
        text = " ".join(parts)
        if prepare:
            text = prepare(text)
        position = 0
        for piece in SENTENCE_END.split(text):
            found = text.find(piece, position)
            position = max(found, position)
            if WORD.search(piece):
                line = paragraph[max(bisect_right(starts, position) - 1, 0)].number
                yield Sentence(line, piece.strip())
            position += len(piece)
        paragraph.clear()

    for line in lines:
        skip = learner_only and not line.learner_visible
        if skip or not line.text.strip() or not_prose(line.text):
            yield from flush()
            continue
        if LIST_ITEM.match(line.text):
            yield from flush()
            paragraph.append(Line(line.number, LIST_ITEM.sub("", line.text), line.kinds))
            continue
        paragraph.append(line)
    yield from flush()
