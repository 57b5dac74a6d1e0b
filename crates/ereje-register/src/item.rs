//! The fifteen items of a worker's record that para 8 of the register rules lists, with their
//! JSON names and pointers.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// One of the items of para 8 (sub-paragraphs 1–15) of the Rules for accounting of human resources
/// in healthcare (order ҚР ДСМ-253/2020, in the wording of order No. 66 of 16.07.2025, Kazakh
/// text): the data the personnel specialist enters into the register about each worker.
///
/// ```
/// use ereje_register::Item;
/// assert_eq!(Item::Birthplace.number(), 5);
/// assert_eq!(Item::Birthplace.key(), "birthplace");
/// assert_eq!("full_name".parse::<Item>(), Ok(Item::FullName));
/// assert!("salary".parse::<Item>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    /// 1) the individual identification number (ИИН, ЖСН).
    Iin,
    /// 2) surname, name, patronymic (if any).
    FullName,
    /// 3) sex.
    Sex,
    /// 4) date of birth.
    BirthDate,
    /// 5) place of birth.
    Birthplace,
    /// 6) citizenship.
    Citizenship,
    /// 7) data of the identity document.
    IdentityDocument,
    /// 8) place of residence.
    Residence,
    /// 9) place of registration.
    RegistrationAddress,
    /// 10) date of registration (read as the date of registration at the place of item 9).
    RegistrationDate,
    /// 11) the education document, with the data of the education and science organisations.
    Education,
    /// 12) the name of the workplace with its business identification number (БИН).
    Workplace,
    /// 13) the position in the medical organisation.
    Position,
    /// 14) the healthcare specialist certificate (if any).
    Certificates,
    /// 15) professional development (advanced training).
    ProfessionalDevelopment,
}

impl Item {
    /// Every item, in the order of para 8.
    pub const ALL: [Item; 15] = [
        Item::Iin,
        Item::FullName,
        Item::Sex,
        Item::BirthDate,
        Item::Birthplace,
        Item::Citizenship,
        Item::IdentityDocument,
        Item::Residence,
        Item::RegistrationAddress,
        Item::RegistrationDate,
        Item::Education,
        Item::Workplace,
        Item::Position,
        Item::Certificates,
        Item::ProfessionalDevelopment,
    ];

    /// The sub-paragraph number in para 8, 1–15.
    pub fn number(self) -> u8 {
        match self {
            Item::Iin => 1,
            Item::FullName => 2,
            Item::Sex => 3,
            Item::BirthDate => 4,
            Item::Birthplace => 5,
            Item::Citizenship => 6,
            Item::IdentityDocument => 7,
            Item::Residence => 8,
            Item::RegistrationAddress => 9,
            Item::RegistrationDate => 10,
            Item::Education => 11,
            Item::Workplace => 12,
            Item::Position => 13,
            Item::Certificates => 14,
            Item::ProfessionalDevelopment => 15,
        }
    }

    /// The item's name in the record's JSON (the key of the `entered` map).
    pub fn key(self) -> &'static str {
        match self {
            Item::Iin => "iin",
            Item::FullName => "full_name",
            Item::Sex => "sex",
            Item::BirthDate => "birth_date",
            Item::Birthplace => "birthplace",
            Item::Citizenship => "citizenship",
            Item::IdentityDocument => "identity_document",
            Item::Residence => "residence",
            Item::RegistrationAddress => "registration_address",
            Item::RegistrationDate => "registration_date",
            Item::Education => "education",
            Item::Workplace => "workplace",
            Item::Position => "position",
            Item::Certificates => "certificates",
            Item::ProfessionalDevelopment => "professional_development",
        }
    }

    /// The JSON pointer of the item in a worker snapshot (`/surname` for the full name, whose
    /// parts are separate fields).
    pub fn pointer(self) -> &'static str {
        match self {
            Item::Iin => "/iin",
            Item::FullName => "/surname",
            Item::Sex => "/sex",
            Item::BirthDate => "/birth_date",
            Item::Birthplace => "/birthplace",
            Item::Citizenship => "/citizenship",
            Item::IdentityDocument => "/identity_document",
            Item::Residence => "/residence",
            Item::RegistrationAddress => "/registration_address",
            Item::RegistrationDate => "/registration_date",
            Item::Education => "/education",
            Item::Workplace => "/workplace",
            Item::Position => "/position",
            Item::Certificates => "/certificates",
            Item::ProfessionalDevelopment => "/professional_development",
        }
    }

    /// Whether the act requires the item of every worker. Item 14 says "if any"; item 15 is
    /// read the same way, since a worker straight from training has no advanced training yet
    /// (the act does not say "if any" there: a documented reading, see `docs/register.md`).
    pub fn required(self) -> bool {
        !matches!(self, Item::Certificates | Item::ProfessionalDevelopment)
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A name that is not one of the items of para 8.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown item `{0}` (expected one of the 15 item names of para 8)")]
pub struct UnknownItem(pub String);

impl FromStr for Item {
    type Err = UnknownItem;

    fn from_str(s: &str) -> Result<Item, UnknownItem> {
        Item::ALL.into_iter().find(|i| i.key() == s).ok_or_else(|| UnknownItem(s.to_owned()))
    }
}

/// Formats sub-paragraph numbers as `5, 8, 11`.
pub(crate) fn numbers(items: &[Item]) -> String {
    items.iter().map(|i| i.number().to_string()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_run_one_to_fifteen_and_keys_round_trip() {
        for (k, item) in Item::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(item.number()), k + 1);
            assert_eq!(item.key().parse::<Item>(), Ok(item));
            let json = serde_json::to_string(&item).unwrap();
            assert_eq!(json, format!("\"{}\"", item.key()));
            assert!(item.pointer().starts_with('/'));
        }
        assert_eq!(numbers(&[Item::Birthplace, Item::Residence]), "5, 8");
    }

    #[test]
    fn only_certificates_and_professional_development_are_optional() {
        let optional: Vec<_> = Item::ALL.into_iter().filter(|i| !i.required()).collect();
        assert_eq!(optional, [Item::Certificates, Item::ProfessionalDevelopment]);
    }
}
