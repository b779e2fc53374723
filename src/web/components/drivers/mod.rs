//! Key drivers: direction and category badges, counts, filters, sort.

mod driver_list;

pub use driver_list::DriverList;
