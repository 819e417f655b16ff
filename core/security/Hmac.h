#pragma once
// HMAC-SHA256 (RFC 2104) for the audit chain, on OpenSSL's SHA-256 (which uses the CPU's SHA
// instructions where present). The key's inner and outer pad blocks are hashed once, so each
// message costs only its own blocks plus one. An HmacSha256Key is immutable and may be shared by
// any number of threads; an HmacSha256 belongs to one thread.

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <memory>

struct evp_md_ctx_st;

namespace awb {

// The key's pad blocks, hashed once.
class HmacSha256Key
{
public:
    explicit HmacSha256Key(QByteArrayView key);
    ~HmacSha256Key();
    HmacSha256Key(const HmacSha256Key&) = delete;
    HmacSha256Key& operator=(const HmacSha256Key&) = delete;

private:
    friend class HmacSha256;
    evp_md_ctx_st* m_inner = nullptr; // state after the inner pad block
    evp_md_ctx_st* m_outer = nullptr; // state after the outer pad block
};

class HmacSha256
{
public:
    static constexpr int kHexSize = 64;
    using HexDigest = std::array<char, kHexSize>;

    explicit HmacSha256(std::shared_ptr<const HmacSha256Key> key);
    explicit HmacSha256(QByteArrayView key);
    ~HmacSha256();
    HmacSha256(const HmacSha256&) = delete;
    HmacSha256& operator=(const HmacSha256&) = delete;

    // Lower-case hex of HMAC-SHA256(key, message), without allocating.
    HexDigest hex(QByteArrayView message);
    QByteArray hexBytes(QByteArrayView message);

private:
    std::shared_ptr<const HmacSha256Key> m_key;
    evp_md_ctx_st* m_work = nullptr;
};

} // namespace awb
