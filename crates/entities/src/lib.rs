//! Actors and places: countries, capitals, adjectives, organisations, titled people.
