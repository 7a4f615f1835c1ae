"""The first words a line each phrase rule of :mod:`aggregator.toolkit.boilerplate` matches
can start with, by rule name: a line whose first word is none of these meets no whole-line
rule at all (the cheap path most article lines take)."""

from __future__ import annotations

__all__ = ["RULE_HEADS"]

RULE_HEADS: dict[str, str] = {
    "share prompt": "click tap share tweet email e-mail print save bookmark copy "
    + "facebook fb twitter x whatsapp linkedin telegram reddit pinterest instagram threads "
    + "bluesky mastodon mail sms messenger koo youtube tumblr flipboard pocket link google "
    + "snapchat tiktok vk line viber wechat weibo e",
    "follow prompt": "follow like find join stay keep facebook fb twitter x whatsapp linkedin "
    + "telegram reddit pinterest instagram threads bluesky mastodon youtube tiktok snapchat",
    "reader comments": "reader readers user users your all top latest recent comment comments # "
    + "view show see read load join have discussion responses response",
    "comment form": "leave post add write submit share minimum # your required we please "
    + "comment comments be no there sign log cancel notify save load show view report",
    "related link": "also read see more must watch video listen don do related recommended "
    + "trending top in ictmi continue यह ये",
    "related stories": "related more trending also read see recommended you most popular top "
    + "explore worth previous recent other links up watch next past earlier older "
    + "latest editor editors don in what further companies people organisations organizations "
    + "ask suggested",
    "source list": "sources source references",
    "contents list": "contents table in index",
    "source summary": "ai summary",
    "advertisement": "advertisement advertisment advertising advert ad ads sponsored promoted "
    + "paid partner story article text content continue scroll report skip remove",
    "newsletter prompt": "sign signup subscribe register join get receive don to privacy skip "
    + "after",
    "app prompt": "download get install try track follow watch read check catch listen stay "
    + "available",
    "news prompt": "catch get read follow stay",
    "photo credit": "photo photos photograph image images picture pic pics file illustration "
    + "graphic graphics video representational representative screengrab screenshot visual "
    + "caption featured top lead stock credit credits courtesy for",
    "reading time": "# a one two three four five six seven eight nine ten estimated reading "
    + "read listen",
    "live label": "live breaking just developing watch",
    "cookie notice": "we this our by cookie cookies accept reject allow manage customise customize "
    + "decline",
    "site footer": "terms privacy about contact advertise careers sitemap cookie rss",
    "paywall": "subscribe subscriber subscribers premium already sign log to continue you "
    + "this unlock become support start get",
    "copyright footer": "copyright © c",
    "disclaimer": "disclaimer the this important disclosure disclosures analyst views opinions "
    + "information forward cautionary any held",
    "back issues": "back past previous earlier older",
    "feedback prompt": "report spotted found see notice noticed have got send share was is did",
    "agency trailer": "source sources with",
    "tags": "tags tagged filed topics categories keywords related sdg sdgs",
    "link prompt": "click tap",
}
