"""Language processing: one lazily loaded pipeline per language, sentences and tokens.

``analyze(articles)`` runs each article through its language's pipeline
(English: ``en_core_web_sm`` with statistical NER; Vietnamese: spaCy ``vi`` with
pyvi segmentation; Thai: spaCy ``th`` with pythainlp; Lao and Khmer: laonlp and
khmer-nltk segmentation) and returns :class:`Analysis` records.
"""

from kg.nlp.analysis import Analysis, Token, analyze, analyze_one
from kg.nlp.pipelines import get_pipeline, supported_languages

__all__ = ["Analysis", "Token", "analyze", "analyze_one", "get_pipeline", "supported_languages"]
