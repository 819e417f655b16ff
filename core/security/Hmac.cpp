#include "security/Hmac.h"

#include <openssl/evp.h>

#include <new>

namespace awb {

namespace {
constexpr int kBlockSize = 64;
constexpr int kDigestSize = 32;

// Failures here mean OpenSSL could not allocate; there is no sensible way to go on.
void check(int ok)
{
    if (ok != 1)
        throw std::bad_alloc();
}
} // namespace

HmacSha256Key::HmacSha256Key(QByteArrayView key)
    : m_inner(EVP_MD_CTX_new()), m_outer(EVP_MD_CTX_new())
{
    if (!m_inner || !m_outer)
        throw std::bad_alloc();
    unsigned char block[kBlockSize] = {};
    if (key.size() > kBlockSize) {
        unsigned int size = 0;
        check(EVP_Digest(key.data(), std::size_t(key.size()), block, &size, EVP_sha256(), nullptr));
    } else {
        std::copy(key.begin(), key.end(), block);
    }
    unsigned char innerPad[kBlockSize];
    unsigned char outerPad[kBlockSize];
    for (int i = 0; i < kBlockSize; ++i) {
        innerPad[i] = block[i] ^ 0x36;
        outerPad[i] = block[i] ^ 0x5c;
    }
    check(EVP_DigestInit_ex(m_inner, EVP_sha256(), nullptr));
    check(EVP_DigestUpdate(m_inner, innerPad, kBlockSize));
    check(EVP_DigestInit_ex(m_outer, EVP_sha256(), nullptr));
    check(EVP_DigestUpdate(m_outer, outerPad, kBlockSize));
}

HmacSha256Key::~HmacSha256Key()
{
    EVP_MD_CTX_free(m_outer);
    EVP_MD_CTX_free(m_inner);
}

HmacSha256::HmacSha256(std::shared_ptr<const HmacSha256Key> key)
    : m_key(std::move(key)), m_work(EVP_MD_CTX_new())
{
    if (!m_work)
        throw std::bad_alloc();
}

HmacSha256::HmacSha256(QByteArrayView key) : HmacSha256(std::make_shared<const HmacSha256Key>(key))
{
}

HmacSha256::~HmacSha256()
{
    EVP_MD_CTX_free(m_work);
}

HmacSha256::HexDigest HmacSha256::hex(QByteArrayView message)
{
    unsigned char digest[kDigestSize];
    unsigned int size = 0;
    check(EVP_MD_CTX_copy_ex(m_work, m_key->m_inner));
    check(EVP_DigestUpdate(m_work, message.data(), std::size_t(message.size())));
    check(EVP_DigestFinal_ex(m_work, digest, &size));
    check(EVP_MD_CTX_copy_ex(m_work, m_key->m_outer));
    check(EVP_DigestUpdate(m_work, digest, kDigestSize));
    check(EVP_DigestFinal_ex(m_work, digest, &size));
    static constexpr char kHex[] = "0123456789abcdef";
    HexDigest out;
    for (int i = 0; i < kDigestSize; ++i) {
        out[std::size_t(2 * i)] = kHex[digest[i] >> 4];
        out[std::size_t(2 * i + 1)] = kHex[digest[i] & 0xf];
    }
    return out;
}

QByteArray HmacSha256::hexBytes(QByteArrayView message)
{
    const HexDigest digest = hex(message);
    return QByteArray(digest.data(), kHexSize);
}

} // namespace awb
