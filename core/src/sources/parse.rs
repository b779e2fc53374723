//! A fetched body to the series it holds, by source kind.

use super::{binance, bybit, coingecko, generic, kraken, parse_candles_json, SourceError};
use crate::model::SourceKind;
use crate::series::SeriesData;

/// Parses a fetched body by its source kind. `now_ms` drops a still-forming last candle where
/// the format has one (Binance klines carry their close time).
pub fn parse_series(
    kind: SourceKind,
    body: &str,
    now_ms: Option<i64>,
) -> Result<SeriesData, SourceError> {
    use SourceKind::*;
    Ok(match kind {
        BinanceSpotKlines | BinanceFuturesKlines => {
            SeriesData::Candles(binance::parse_klines(body, now_ms)?)
        }
        BinanceFuturesFunding => SeriesData::Points(binance::parse_funding(body)?),
        BinanceFuturesOpenInterest => SeriesData::Points(binance::parse_open_interest(body)?),
        BybitKline => SeriesData::Candles(bybit::parse_klines(body)?),
        BybitFunding => SeriesData::Points(bybit::parse_funding(body)?),
        CoingeckoMarketChart => SeriesData::Points(coingecko::parse_market_chart(body)?.prices),
        CoingeckoOhlc => SeriesData::Candles(coingecko::parse_ohlc(body)?),
        KrakenOhlc => SeriesData::Candles(kraken::parse_ohlc(body)?),
        GenericJson => SeriesData::Points(generic::parse_json_series(body)?),
        GenericCsv => SeriesData::Points(generic::parse_csv_series(body, None)?),
        CandlesJson => SeriesData::Candles(parse_candles_json(body)?.candles),
    })
}
