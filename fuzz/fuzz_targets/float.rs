#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| barfinex_fuzz_targets::float(data));
